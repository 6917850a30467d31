import proxyaddr from "proxy-addr";

// Who is signing in, for throttling: the address of the client, never a header the client wrote.
// The launcher makes every request's X-Forwarded-For end with the address of the socket it came
// from (scripts/lib/peer-address.mjs). Walking the list from that end, addresses of configured
// trusted proxies (TRUSTED_PROXIES) are passed over; the first address that is not one is the
// client. With no trusted proxy configured, the client is the socket's peer, whatever the client
// put in the header. The walk is proxy-addr's (Express's), given the socket's address as the peer.

export type TrustedProxies = (address: string, hop: number) => boolean;

/** TRUSTED_PROXIES (comma-separated addresses, CIDR ranges, or loopback / linklocal / uniquelocal) → a test. */
export function trustedProxies(list: string[]): TrustedProxies {
  return list.length ? proxyaddr.compile(list) : () => false;
}

export function clientAddress(headers: unknown, trust: TrustedProxies): string {
  const h = (headers ?? {}) as Record<string, string | string[] | undefined>;
  const raw = h["x-forwarded-for"];
  const chain = (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const peer = chain.pop();
  if (!peer) return "unknown";
  const request = { headers: { "x-forwarded-for": chain.join(", ") }, connection: { remoteAddress: peer } };
  return proxyaddr(request as never, trust) || peer;
}
