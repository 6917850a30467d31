import type { Metadata } from "next";
import { connection } from "next/server";
import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import "@fontsource/be-vietnam-pro/vietnamese-600.css";
import "@fontsource/be-vietnam-pro/latin-400.css";
import "@fontsource/be-vietnam-pro/latin-600.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Theo dõi thực hiện kế hoạch", template: "%s · Theo dõi thực hiện kế hoạch" },
  description:
    "Kế hoạch thực hiện nghị quyết của cấp ủy và chính quyền các cấp: nhiệm vụ, chỉ tiêu, kết quả và báo cáo hằng năm.",
  // Static files live in public/ (favicon.ico is there too, for clients that ask for it unprompted).
  icons: {
    icon: [
      { url: "/favicon.svg", type: "image/svg+xml" },
      { url: "/icon-192.png", sizes: "192x192", type: "image/png" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/site.webmanifest",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered for its request: its scripts carry the request's CSP nonce (src/proxy.ts),
  // which a page rendered at build time could not.
  await connection();
  return (
    <html lang="vi">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
