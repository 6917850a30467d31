// Loaded with --import into the Next server process by scripts/start.ts. Next keeps a client's
// X-Forwarded-For as it came and adds the socket's address only when the header is absent, so a
// client could write any address there. Here every request's X-Forwarded-For gets the address of
// the socket it came from appended, as a proxy does: the last entry is then always the true peer,
// and src/server/auth/client-address.ts trusts nothing left of it unless the peer is a configured
// trusted proxy. Node's diagnostics channel announces each request before any handler sees it.
import { subscribe } from "node:diagnostics_channel";

subscribe("http.server.request.start", ({ request, socket }) => {
  const peer = socket?.remoteAddress ?? request.socket?.remoteAddress;
  if (!peer) return;
  const forwarded = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
});
