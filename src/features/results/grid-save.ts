import type { CellReading } from "./cell";
import { draftOf, sameDraft, type Draft, type Saved } from "./grid-model";
import type { GridIndicator } from "./queries";

// Saving the results grid: which rows to send, and what the answer means for each cell. The server
// function is passed in (saveActualsAction in the browser, a stub in grid-save.test.ts).

export type SentRow = {
  indicatorId: string;
  text: string;
  qualitativeStatus: Draft["qualitativeStatus"] | null;
  note: string;
  source: string;
  /** The version the grid read; null for a row it saw empty. */
  version: number | null;
};

type Answer =
  | { status: "idle" }
  | { status: "ok"; data: { saved: { indicatorId: string; actual: Saved }[]; changed: number } }
  | { status: "error"; message: string; fieldErrors: Record<string, string> };

export type SaveOutcome =
  | { kind: "nothing" }
  | { kind: "unreadable"; count: number; firstId: string }
  | { kind: "saved"; fresh: Record<string, Saved>; changed: number }
  | { kind: "refused"; message: string; cellErrors: Record<string, string> }
  | { kind: "unreachable" };

/** The rows whose draft differs from what was saved. */
export function changedRows(
  indicators: readonly GridIndicator[],
  drafts: Record<string, Draft>,
  saved: Record<string, Saved>,
): GridIndicator[] {
  return indicators.filter((r) => !sameDraft(drafts[r.id]!, draftOf(saved[r.id] ?? null)));
}

/** What is sent for the changed rows: the text as typed, a chosen status only where the user chooses it. */
export function rowsToSend(
  dirty: readonly GridIndicator[],
  drafts: Record<string, Draft>,
  saved: Record<string, Saved>,
): SentRow[] {
  return dirty.map((r) => {
    const d = drafts[r.id]!;
    return {
      indicatorId: r.id,
      text: d.text,
      qualitativeStatus: r.chosen && d.qualitativeStatus ? d.qualitativeStatus : null,
      note: d.note,
      source: d.source,
      version: saved[r.id]?.version ?? null,
    };
  });
}

/** The server's messages ("rows.3.text") put on the indicator rows they are about. */
export function cellErrorsOf(fieldErrors: Record<string, string>, sent: readonly SentRow[]): Record<string, string> {
  const cellErrors: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrors)) {
    const match = /^rows\.(\d+)\./.exec(key);
    const row = match ? sent[Number(match[1])] : undefined;
    if (row) cellErrors[row.indicatorId] = message;
  }
  return cellErrors;
}

/**
 * Saves the changed rows: nothing is sent while a cell cannot be read (the grid points at the first),
 * and the answer becomes the saved values or a message per cell.
 */
export async function saveGrid(
  send: (input: { planId: string; year: number; rows: SentRow[] }) => Promise<Answer>,
  grid: {
    planId: string;
    year: number;
    dirty: readonly GridIndicator[];
    readings: Record<string, CellReading>;
    drafts: Record<string, Draft>;
    saved: Record<string, Saved>;
  },
): Promise<SaveOutcome> {
  if (grid.dirty.length === 0) return { kind: "nothing" };
  const unreadable = grid.dirty.filter((r) => !grid.readings[r.id]!.ok);
  if (unreadable.length) return { kind: "unreadable", count: unreadable.length, firstId: unreadable[0]!.id };
  const sent = rowsToSend(grid.dirty, grid.drafts, grid.saved);
  let answer: Answer;
  try {
    answer = await send({ planId: grid.planId, year: grid.year, rows: sent });
  } catch {
    return { kind: "unreachable" };
  }
  if (answer.status === "ok")
    return {
      kind: "saved",
      fresh: Object.fromEntries(answer.data.saved.map((s) => [s.indicatorId, s.actual])),
      changed: answer.data.changed,
    };
  if (answer.status === "error")
    return { kind: "refused", message: answer.message, cellErrors: cellErrorsOf(answer.fieldErrors, sent) };
  return { kind: "unreachable" };
}

/** What the grid says after a save that did not go through. */
export function refusalMessage(outcome: Exclude<SaveOutcome, { kind: "saved" }>): string {
  switch (outcome.kind) {
    case "nothing":
      return "Không có thay đổi nào để lưu.";
    case "unreadable":
      return `Còn ${outcome.count} ô chưa đọc được (đánh dấu đỏ). Hãy sửa rồi lưu lại; các ô khác vẫn giữ nguyên.`;
    case "refused":
      return outcome.message;
    case "unreachable":
      return "Không kết nối được máy chủ. Số liệu bạn nhập vẫn còn trên màn hình; hãy thử lưu lại.";
  }
}
