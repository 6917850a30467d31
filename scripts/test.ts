import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { chromiumPath } from "./lib/chromium";

// `npm test`: typecheck, lint, formatting, npm audit of the production dependencies, unit tests,
// integration tests on a real PostgreSQL, browser tests in a real Chromium, in that order, stopping
// at the first failure. Ends with one line counting tests.

const RESULTS = ".data/test-results";
type Step = { name: string; command: string[]; results?: string };

function run(command: string[], extraEnv: Record<string, string> = {}): number {
  const [bin, ...args] = command;
  const result = spawnSync(bin!, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return result.status ?? 1;
}

function ensureChromium(): string {
  const found = chromiumPath();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("▸ Chưa có Chromium: cài gói chromium của Debian…");
    run(["apt-get", "update", "-qq"]);
    run(["apt-get", "install", "-y", "-qq", "chromium", "fonts-liberation2"], { DEBIAN_FRONTEND: "noninteractive" });
    const installed = chromiumPath();
    if (installed) return installed;
  }
  console.error(
    "✗ Không tìm thấy Chromium cho kiểm thử trình duyệt.\n" +
      "  Debian/Ubuntu: sudo apt-get install -y chromium fonts-liberation2\n" +
      "  Hoặc đặt CHROMIUM_PATH=/đường/dẫn/tới/chromium",
  );
  process.exit(1);
}

function counts(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(file, "utf8"));
  if (typeof report.numPassedTests === "number")
    return { passed: report.numPassedTests, failed: report.numFailedTests };
  return { passed: report.stats?.expected ?? 0, failed: (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0) };
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
const steps: Step[] = [
  { name: "Kiểm tra kiểu (tsc)", command: ["npx", "tsc", "--noEmit"] },
  { name: "Lint (eslint)", command: ["npx", "eslint", "--max-warnings=0", "."] },
  { name: "Định dạng mã (prettier)", command: ["npx", "prettier", "--check", "."] },
  // High or critical advisories of production dependencies: fixed, or explained in security/audit-allowlist.json.
  { name: "Kiểm tra lỗ hổng phụ thuộc (npm audit --omit=dev)", command: ["npx", "tsx", "scripts/audit.ts"] },
  {
    name: "Kiểm thử đơn vị",
    command: [
      "npx",
      "vitest",
      "run",
      "--project",
      "unit",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${RESULTS}/unit.json`,
    ],
    results: `${RESULTS}/unit.json`,
  },
  {
    name: "Kiểm thử tích hợp (PostgreSQL)",
    command: [
      "npx",
      "vitest",
      "run",
      "--project",
      "integration",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${RESULTS}/integration.json`,
    ],
    results: `${RESULTS}/integration.json`,
  },
  { name: "Kiểm thử trình duyệt (Chromium)", command: ["npx", "playwright", "test"], results: `${RESULTS}/e2e.json` },
];

let passed = 0;
let failed = 0;
for (const step of steps) {
  console.log(`\n▸ ${step.name}`);
  const env: Record<string, string> = {};
  if (step.command.includes("playwright")) env.CHROMIUM_PATH = ensureChromium();
  const status = run(step.command, env);
  if (step.results) {
    const c = counts(step.results);
    passed += c.passed;
    failed += c.failed;
  }
  if (status !== 0) {
    console.log(`\n✗ ${step.name}: thất bại`);
    console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(status);
  }
}
console.log(`\n✓ Tất cả các bước đều đạt.`);
console.log(`${passed} passed, ${failed} failed`);
