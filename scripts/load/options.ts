// The options of `npm run load` (see scripts/load.ts for what each does).

export type LoadOptions = {
  /** Officials per stage, in increasing order: one stage is the goal; several find the ceiling. */
  stages: number[];
  /** Provincial viewers per official (0.1: one viewer for ten officials). */
  viewerShare: number;
  /** Seconds measured in each stage, after its ramp. */
  duration: number;
  /** Seconds over which a stage's new users start (not measured). */
  ramp: number;
  think: { minMs: number; maxMs: number };
  maxRequests: number;
  timeoutMs: number;
  submitAfterRounds: number;
  /** p95 limit for every action, in milliseconds. */
  limitMs: number;
  /** An already running server (its database given by databaseUrl); null: start the app on the bench's database. */
  url: string | null;
  databaseUrl: string | null;
  port: number;
  seed: number;
  fresh: boolean;
  write: boolean;
};

export const DEFAULTS: LoadOptions = {
  stages: [200],
  viewerShare: 0.1,
  duration: 120,
  ramp: 30,
  think: { minMs: 5_000, maxMs: 15_000 },
  maxRequests: 100_000,
  timeoutMs: 30_000,
  submitAfterRounds: 3,
  limitMs: 500,
  url: null,
  databaseUrl: null,
  port: 3210,
  seed: 15,
  fresh: false,
  write: true,
};

const positive = (name: string, text: string | undefined): number => {
  const value = Number(text);
  if (!text || !Number.isFinite(value) || value <= 0)
    throw new Error(`${name} cần một số dương (nhận “${text ?? ""}”)`);
  return value;
};

/** Parses the command line; throws a message naming the option that is wrong. */
export function parseLoadOptions(args: readonly string[]): LoadOptions {
  const options: LoadOptions = { ...DEFAULTS, think: { ...DEFAULTS.think } };
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new Error(`${name} cần một giá trị`);
      return next;
    };
    switch (name) {
      case "--officials":
        options.stages = [Math.round(positive(name, value()))];
        break;
      case "--stages": {
        const list = value()
          .split(",")
          .map((s) => Math.round(positive(name, s.trim())));
        if (list.some((n, k) => k > 0 && n <= list[k - 1]!)) throw new Error(`${name}: số cán bộ phải tăng dần`);
        options.stages = list;
        break;
      }
      case "--viewer-share":
        options.viewerShare = Number(value());
        if (!(options.viewerShare >= 0 && options.viewerShare <= 1)) throw new Error(`${name} phải trong khoảng 0–1`);
        break;
      case "--duration":
        options.duration = positive(name, value());
        break;
      case "--ramp":
        options.ramp = Number(value());
        if (!(options.ramp >= 0)) throw new Error(`${name} không hợp lệ`);
        break;
      case "--think": {
        const match = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(value());
        if (!match) throw new Error(`${name} cần dạng GIÂY hoặc TỪ-ĐẾN, ví dụ 5-15`);
        const min = Number(match[1]) * 1000;
        const max = match[2] === undefined ? min : Number(match[2]) * 1000;
        if (max < min) throw new Error(`${name}: giá trị sau phải không nhỏ hơn giá trị trước`);
        options.think = { minMs: min, maxMs: max };
        break;
      }
      case "--max-requests":
        options.maxRequests = Math.round(positive(name, value()));
        break;
      case "--timeout":
        options.timeoutMs = positive(name, value()) * 1000;
        break;
      case "--submit-after":
        options.submitAfterRounds = Math.round(positive(name, value()));
        break;
      case "--limit":
        options.limitMs = positive(name, value());
        break;
      case "--url": {
        const url = new URL(value());
        if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname))
          throw new Error(`${name}: chỉ đo máy chủ trên máy này (127.0.0.1, localhost)`);
        options.url = url.origin;
        break;
      }
      case "--database-url":
        options.databaseUrl = value();
        if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) throw new Error(`${name} cần một URL PostgreSQL`);
        break;
      case "--port":
        options.port = Math.round(positive(name, value()));
        break;
      case "--seed":
        options.seed = Math.round(Number(value()));
        break;
      case "--fresh":
        options.fresh = true;
        break;
      case "--no-write":
        options.write = false;
        break;
      default:
        throw new Error(`Không rõ tùy chọn ${name}`);
    }
  }
  if (options.url && !options.databaseUrl)
    throw new Error("--url cần cả --database-url (kết nối quản trị tới cơ sở dữ liệu mà máy chủ đó dùng)");
  if (options.databaseUrl && !options.url) throw new Error("--database-url chỉ dùng cùng --url");
  return options;
}

export function viewersFor(officials: number, share: number): number {
  return Math.round(officials * share);
}
