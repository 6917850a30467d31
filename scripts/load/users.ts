import type { Official, Viewer } from "./accounts";
import type { Ledger, Write } from "./ledger";
import { callAction, formData, getPage, routerStateHeader } from "./next-client";
import type { Sample } from "./stats";

// What the virtual users do, as officials and provincial staff do it in December. An official opens
// the results grid, saves a few actuals, saves the progress of a few tasks, opens the year's report
// (the first visit opens its draft), saves its sections and, after a few rounds, sends it; then goes
// on entering results. A provincial viewer opens the rollup of the province's communes and the
// dashboard of one commune's plan. Between two actions each thinks for a while.

export const ACTIONS = {
  grid: "open results grid",
  actuals: "save actuals",
  progress: "save task progress",
  report: "open report",
  narrative: "save report sections",
  submit: "submit report",
  rollup: "open rollup (/dashboard)",
  dashboard: "open plan dashboard",
} as const;

export const ACTION_ORDER: string[] = Object.values(ACTIONS);

export type ActionIds = { saveActuals: string; saveTaskProgress: string; saveNarrative: string; submitReport: string };

export type LoadContext = {
  base: string;
  year: number;
  runId: string;
  ids: ActionIds;
  ledger: Ledger;
  samples: Sample[];
  errors: Map<string, { count: number; examples: string[] }>;
  /** Requests left before the run stops by itself. */
  budget: { left: number };
  timeoutMs: number;
  think: { minMs: number; maxMs: number };
  /** Rounds of results and report writing before the report is sent. */
  submitAfterRounds: number;
  /** Aborted when the run is over: users stop after their current request. */
  stop: AbortSignal;
  random: () => number;
};

/** A small seeded generator (mulberry32), so that two runs with the same seed choose alike. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}

function think(ctx: LoadContext): Promise<void> {
  const ms = ctx.think.minMs + ctx.random() * (ctx.think.maxMs - ctx.think.minMs);
  return new Promise((resolve) => {
    if (ctx.stop.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      ctx.stop.removeEventListener("abort", done);
      resolve();
    }
    ctx.stop.addEventListener("abort", done);
  });
}

function recordError(ctx: LoadContext, action: string, message: string) {
  const entry = ctx.errors.get(action) ?? { count: 0, examples: [] };
  entry.count += 1;
  if (entry.examples.length < 3 && !entry.examples.includes(message)) entry.examples.push(message);
  ctx.errors.set(action, entry);
}

/** Times one request; false when it failed (recorded as an error of that action). */
async function timed<T>(
  ctx: LoadContext,
  action: string,
  run: (signal: AbortSignal) => Promise<{ ok: true; value: T } | { ok: false; message: string }>,
): Promise<T | null> {
  if (ctx.budget.left <= 0) return null;
  ctx.budget.left -= 1;
  const startedAt = Date.now();
  let outcome: { ok: true; value: T } | { ok: false; message: string };
  try {
    outcome = await run(AbortSignal.timeout(ctx.timeoutMs));
  } catch (error) {
    outcome = { ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  ctx.samples.push({ action, startedAt, endedAt: Date.now(), ok: outcome.ok });
  if (!outcome.ok) {
    recordError(ctx, action, outcome.message);
    return null;
  }
  return outcome.value;
}

function openPage(ctx: LoadContext, action: string, path: string, cookie: string, expect: string) {
  return timed(ctx, action, async (signal) => {
    const { status, html } = await getPage(ctx.base, path, cookie, signal);
    if (status !== 200) return { ok: false, message: `HTTP ${status} ${path}` };
    // React separates adjacent text with "<!-- -->" in server-rendered HTML.
    if (!html.replaceAll("<!-- -->", "").includes(expect))
      return { ok: false, message: `“${expect}” missing from ${path}` };
    return { ok: true, value: html };
  });
}

type ActionOk = { status: "ok"; data: Record<string, unknown> };

/** Calls a server action from a page; its writes are in the ledger as sent, and as acknowledged when it says ok. */
function act(
  ctx: LoadContext,
  action: string,
  call: { page: string; id: string; args: unknown[]; cookie: string; routerState: string },
  writes: (result: ActionOk) => Write[],
  sent: Write[],
) {
  for (const write of sent) ctx.ledger.send(write);
  return timed(ctx, action, async (signal) => {
    const response = await callAction(ctx.base, { ...call, signal });
    const result = response.result as { status?: string; message?: string } | string;
    if (response.status !== 200 || typeof result !== "object" || result === null)
      return { ok: false, message: `HTTP ${response.status}: ${String(result).slice(0, 160)}` };
    if (result.status !== "ok") return { ok: false, message: `${result.status}: ${result.message ?? ""}` };
    for (const write of writes(result as ActionOk)) ctx.ledger.acknowledge(write);
    return { ok: true, value: result as ActionOk };
  });
}

const paragraph = (words: string, times: number) => Array.from({ length: times }, () => words).join(" ");

export async function runOfficial(ctx: LoadContext, official: Official & { cookie: string; index: number }) {
  const { planId, cookie } = official;
  const year = ctx.year;
  const actualVersions = new Map(official.indicators.map((i) => [i.id, i.version]));
  const progressVersions = new Map(official.tasks.map((t) => [t.id, t.version]));
  let seq = 0;
  const token = () => `[load:${ctx.runId}:${official.index}:${++seq}]`;
  let narrativeState: unknown = { status: "idle" };
  let submitState: unknown = { status: "idle" };
  let rounds = 0;
  let submitted = false;

  while (!ctx.stop.aborted && ctx.budget.left > 0) {
    const gridPath = `/plans/${planId}/results?year=${year}`;
    const grid = await openPage(ctx, ACTIONS.grid, gridPath, cookie, `Kết quả thực hiện năm ${year}`);
    if (grid === null) {
      await think(ctx);
      continue;
    }
    const gridState = routerStateHeader(grid);
    await think(ctx);
    if (ctx.stop.aborted) break;

    // A few cells typed, the way the grid sends them: only the rows changed, each with the version read.
    const rows = pick(official.indicators, 5, ctx.random).map((indicator) => ({
      indicatorId: indicator.id,
      text: (10 + ctx.random() * 90).toFixed(1).replace(".", ","),
      qualitativeStatus: null,
      note: `Số liệu thử tải ${token()}`,
      source: "Báo cáo thống kê của xã",
      version: actualVersions.get(indicator.id) ?? null,
    }));
    const actualWrites = rows.map((r) => ({
      kind: "actual" as const,
      entity: `${r.indicatorId}/${year}`,
      token: r.note.slice(r.note.indexOf("[")),
    }));
    const saved = await act(
      ctx,
      ACTIONS.actuals,
      { page: gridPath, id: ctx.ids.saveActuals, args: [{ planId, year, rows }], cookie, routerState: gridState },
      () => actualWrites,
      actualWrites,
    );
    for (const s of (saved?.data.saved as { indicatorId: string; actual: { version: number } | null }[]) ?? [])
      actualVersions.set(s.indicatorId, s.actual?.version ?? null);
    await think(ctx);
    if (ctx.stop.aborted) break;

    const progress = pick(official.tasks, 3, ctx.random).map((task) => ({
      taskId: task.id,
      organizationId: null,
      status: ctx.random() < 0.7 ? "IN_PROGRESS" : "COMPLETED",
      summary: `Đã triển khai theo kế hoạch, tổ chức tuyên truyền và kiểm tra ${token()}`,
      version: progressVersions.get(task.id) ?? null,
    }));
    const progressWrites = progress.map((p) => ({
      kind: "progress" as const,
      entity: `${p.taskId}/${year}`,
      token: p.summary.slice(p.summary.indexOf("[")),
    }));
    const savedProgress = await act(
      ctx,
      ACTIONS.progress,
      {
        page: gridPath,
        id: ctx.ids.saveTaskProgress,
        args: [{ planId, year, rows: progress }],
        cookie,
        routerState: gridState,
      },
      () => progressWrites,
      progressWrites,
    );
    for (const s of (savedProgress?.data.saved as { taskId: string; version: number | null }[]) ?? [])
      progressVersions.set(s.taskId, s.version);
    await think(ctx);
    if (ctx.stop.aborted) break;

    const reportPath = `/plans/${planId}/reports/${year}`;
    const report = await openPage(ctx, ACTIONS.report, reportPath, cookie, `Báo cáo kết quả thực hiện năm ${year}`);
    rounds += 1;
    const reportId = report ? /name="reportId" value="([0-9a-f-]{36})"/.exec(report)?.[1] : undefined;
    let version = report ? Number(/name="version" value="(\d+)"/.exec(report)?.[1]) : NaN;
    const editable = report !== null && reportId !== undefined && Number.isInteger(version) && !submitted;
    await think(ctx);
    if (ctx.stop.aborted || !editable || !report) continue;
    const reportState = routerStateHeader(report);

    const mark = token();
    const fields = {
      reportId,
      version: String(version),
      leadership: paragraph(
        "Ban Thường vụ Đảng ủy đã ban hành kế hoạch, tổ chức quán triệt đến chi bộ và đảng viên.",
        6,
      ),
      results: `${paragraph("Các chỉ tiêu chủ yếu đạt và vượt kế hoạch năm; an sinh xã hội được bảo đảm.", 8)} ${mark}`,
      shortcomings: paragraph("Một số chỉ tiêu còn chậm so với lộ trình do nguồn lực hạn chế.", 4),
      nextYear: paragraph("Tiếp tục triển khai đồng bộ các nhiệm vụ, giải pháp đã đề ra.", 4),
      proposals: paragraph("Đề nghị cấp trên quan tâm hỗ trợ kinh phí thực hiện.", 2),
    };
    const narrativeWrite = { kind: "narrative" as const, entity: reportId, token: mark };
    const savedNarrative = await act(
      ctx,
      ACTIONS.narrative,
      {
        page: reportPath,
        id: ctx.ids.saveNarrative,
        args: [narrativeState, formData(fields)],
        cookie,
        routerState: reportState,
      },
      () => [narrativeWrite],
      [narrativeWrite],
    );
    if (savedNarrative) {
      narrativeState = savedNarrative;
      version = Number(savedNarrative.data.version);
    }
    if (rounds < ctx.submitAfterRounds || !savedNarrative) continue;
    await think(ctx);
    if (ctx.stop.aborted) break;

    const sentReport = await act(
      ctx,
      ACTIONS.submit,
      {
        page: reportPath,
        id: ctx.ids.submitReport,
        args: [submitState, formData({ reportId, version: String(version) })],
        cookie,
        routerState: reportState,
      },
      (result) => [
        { kind: "submission", entity: `${reportId}#${result.data.number}`, token: `${reportId}#${result.data.number}` },
      ],
      [],
    );
    if (sentReport) {
      submitState = sentReport;
      submitted = true;
    }
    await think(ctx);
  }
}

export async function runViewer(ctx: LoadContext, viewer: Viewer & { cookie: string }) {
  while (!ctx.stop.aborted && ctx.budget.left > 0) {
    await openPage(ctx, ACTIONS.rollup, "/dashboard", viewer.cookie, "Tổng hợp các địa phương");
    await think(ctx);
    if (ctx.stop.aborted) break;
    const [plan] = pick(viewer.communePlanIds, 1, ctx.random);
    if (plan) await openPage(ctx, ACTIONS.dashboard, `/plans/${plan}/dashboard`, viewer.cookie, "Bảng theo dõi");
    await think(ctx);
  }
}
