import { existsSync } from "node:fs";
import { isIP } from "node:net";
import { z } from "zod";

// The one place that reads process.env. Parsed lazily (at first use, not import) so that
// `next build` works without a database.

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "phải là một URL PostgreSQL, ví dụ postgresql://user:pass@host:5432/db");

const launcherSchema = z.object({
  /** The connection the application uses. Unset: an embedded PostgreSQL under .data/. */
  DATABASE_URL: postgresUrl.optional(),
  /** A privileged connection for migrations and the demo seed. Defaults to DATABASE_URL. */
  DATABASE_ADMIN_URL: postgresUrl.optional(),
  /** Where the embedded PostgreSQL keeps its data. */
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET phải dài ít nhất 32 ký tự").optional(),
  /** "false" skips loading the demo data at start. */
  SEED_DEMO: z.enum(["true", "false"]).default("true"),
  /** Where `npm run db:backup` writes its backups. Unset: DATA_DIR/backups. */
  BACKUP_DIR: z.string().optional(),
  /** A folder holding pg_dump/pg_restore of the server's major version (external DATABASE_URL only). */
  PG_BIN_DIR: z.string().optional(),
  /** How many app processes `npm start` runs on the one port. Unset: one per core. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
});

const serverSchema = z.object({
  DATABASE_URL: postgresUrl,
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET phải dài ít nhất 32 ký tự"),
  NEXTAUTH_URL: z.string().url().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /**
   * Due reminders computed as if today were this day (YYYY-MM-DD), for demonstrations and the browser
   * tests, which show the December reminders whatever the date (src/features/notifications/jobs.ts).
   * Unset in production: the reminders follow the real calendar.
   */
  REMINDERS_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "REMINDERS_TODAY phải có dạng YYYY-MM-DD, ví dụ 2026-12-05")
    .optional(),
  /** "off" sends every statement unnamed: for a connection pooler that cannot keep prepared statements (src/server/db/prepared-statements.ts). */
  DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"]).default("on"),
  /**
   * The reverse proxies whose X-Forwarded-For is believed (src/server/auth/client-address.ts):
   * comma-separated addresses or CIDR ranges, or loopback, linklocal, uniquelocal. Empty: none.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isProxyAddress), {
      message:
        "TRUSTED_PROXIES: địa chỉ IP, dải CIDR (10.0.0.0/8) hoặc loopback, linklocal, uniquelocal, cách nhau bởi dấu phẩy",
    }),
});

function isProxyAddress(value: string): boolean {
  if (["loopback", "linklocal", "uniquelocal"].includes(value)) return true;
  const [address, bits, extra] = value.split("/");
  if (extra !== undefined || !address || isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
}

export type LauncherEnv = z.infer<typeof launcherSchema>;
export type ServerEnv = z.infer<typeof serverSchema>;

function parse<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Cấu hình môi trường không hợp lệ (xem .env.example):\n${lines.join("\n")}`);
  }
  return result.data;
}

/** For scripts that start or prepare the app (everything optional, with defaults). A .env file is read if present. */
export function launcherEnv(source?: Record<string, string | undefined>): LauncherEnv {
  if (!source && existsSync(".env")) process.loadEnvFile(".env");
  return parse(launcherSchema, source ?? process.env);
}

const logSchema = z.object({
  /** How much the server logs (JSON lines on stdout): fatal, error, warn, info (each request), debug (static files too), trace, silent. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Set by Next.js: "nodejs" or "edge". */
  NEXT_RUNTIME: z.string().optional(),
});

export type LogEnv = {
  LOG_LEVEL: NonNullable<z.infer<typeof logSchema>["LOG_LEVEL"]>;
  nextRuntime: string | undefined;
};

/**
 * For the logger, which runs before and without the database settings (instrumentation, tests).
 * Default level: info; under test, error (the tests fail on an error logged, and nothing else is printed).
 */
export function logEnv(source: Record<string, string | undefined> = process.env): LogEnv {
  const env = parse(logSchema, source);
  return { LOG_LEVEL: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "error" : "info"), nextRuntime: env.NEXT_RUNTIME };
}

const securitySchema = z.object({
  NEXTAUTH_URL: z.string().url().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

/** For the security headers (proxy.ts): whether the app is served over https, and whether in development. */
export function securityEnv(source: Record<string, string | undefined> = process.env): {
  https: boolean;
  development: boolean;
} {
  const env = parse(securitySchema, source);
  return { https: env.NEXTAUTH_URL?.startsWith("https://") ?? false, development: env.NODE_ENV === "development" };
}

let cached: ServerEnv | undefined;
/** For the running server: the database and the session secret must be there. */
export function serverEnv(): ServerEnv {
  cached ??= parse(serverSchema, process.env);
  return cached;
}

/** True inside Next's server (built or dev), whose bundler compiles worker threads; false under tsx and the tests. */
export function runningInNext(): boolean {
  return Boolean(process.env.NEXT_RUNTIME);
}

const mailSchema = z.object({
  /** The whole SMTP server as a URL: smtp://user:password@host:587 or smtps://…:465. Takes precedence over SMTP_HOST. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL phải có dạng smtp://người-dùng:mật-khẩu@máy-chủ:587 hoặc smtps://…")
    .optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  /** "true": TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: z.enum(["true", "false"]).default("false"),
  /** The sender of the daily digest. */
  MAIL_FROM: z.string().min(3).default("Theo dõi thực hiện kế hoạch <no-reply@localhost>"),
  /** The site's address, for the links in the e-mails. */
  NEXTAUTH_URL: z.string().url().optional(),
});

export type MailTransportOptions =
  string | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };

export type MailEnv = {
  /** Null when no SMTP server is configured: then nothing is ever sent. */
  transport: MailTransportOptions | null;
  from: string;
  siteUrl: string | null;
};

/** The e-mail settings (src/features/notifications/digest.ts). Read at each run, so tests can set them. */
export function mailEnv(source: Record<string, string | undefined> = process.env): MailEnv {
  const env = parse(mailSchema, source);
  const transport: MailTransportOptions | null = env.SMTP_URL
    ? env.SMTP_URL
    : env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: env.SMTP_PORT ?? (env.SMTP_SECURE === "true" ? 465 : 587),
          secure: env.SMTP_SECURE === "true",
          ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } } : {}),
        }
      : null;
  return { transport, from: env.MAIL_FROM, siteUrl: env.NEXTAUTH_URL?.replace(/\/$/, "") ?? null };
}
