import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./scripts/lib/chromium";

// Browser tests run against the real app (production build) on its own embedded PostgreSQL,
// rebuilt from scratch with the demo data at each run.
// E2E_PORT / E2E_PG_PORT let two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SEASON_YEAR = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(
  new Date(),
);
const PG_PORT = process.env.E2E_PG_PORT ?? "54339";

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".data/test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath() ?? undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "npx tsx scripts/start.ts --fresh",
    url: `http://127.0.0.1:${PORT}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: ".data/e2e",
      EMBEDDED_PG_PORT: PG_PORT,
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      // The reminders as on 5 December of this year, the peak of the reporting season, whatever the
      // date the tests run on (notifications.spec.ts).
      REMINDERS_TODAY: `${SEASON_YEAR}-12-05`,
      // One line per request would bury the failures in the test output.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  },
});
