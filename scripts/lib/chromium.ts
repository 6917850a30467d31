import { existsSync } from "node:fs";

// Playwright cannot download its own browser here; Debian's Chromium works (docs/decisions).
const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

export function chromiumPath(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && existsSync(configured)) return configured;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}
