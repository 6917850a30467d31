import http from "node:http";
import next from "next";
import { watchDatabase } from "./database-availability";
import { isGatedRequest, UNAVAILABLE_HTML } from "./unavailable-page";

// One app process: Next's production server in this process (Next's custom server API), listening on
// the port the cluster shares between its workers (scripts/lib/web-cluster.ts). The launcher passes
// everything through the environment (DATABASE_URL, NEXTAUTH_*, PORT, HOST).

const port = Number(process.env.PORT);
const hostname = process.env.HOST ?? "127.0.0.1";
const say = (line: string) => console.log(`▸ [web ${process.pid}] ${line}`);

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const database = watchDatabase(process.env.DATABASE_URL!, {
    onChange: (available, reason) =>
      say(
        available
          ? "cơ sở dữ liệu đã trả lời lại"
          : `không kết nối được cơ sở dữ liệu (${reason}): các trang trả lời 503`,
      ),
  });
  const server = http.createServer(async (request, response) => {
    // Never serve pages without a database; form posts still reach their action, which answers with
    // a message and the typed values (src/server/actions.ts).
    if (isGatedRequest(request.method, request.url) && !(await database.check())) {
      response.writeHead(503, {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": "10",
      });
      response.end(request.method === "HEAD" ? undefined : UNAVAILABLE_HTML);
      return;
    }
    void handle(request, response);
  });
  server.listen(port, hostname);

  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    // Finish the requests in flight, then leave; never hang the launcher's shutdown.
    setTimeout(() => process.exit(0), 10_000).unref();
    server.close(() => void database.stop().finally(() => process.exit(0)));
    server.closeIdleConnections();
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
  process.on("message", (message) => {
    if (message === "shutdown") close();
  });
}

main().catch((error) => {
  console.error(`✗ [web ${process.pid}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
