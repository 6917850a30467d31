import { describe, expect, it, vi } from "vitest";
import { readActualCell } from "./cell";
import { draftOf, type Draft, type Saved } from "./grid-model";
import { cellErrorsOf, changedRows, refusalMessage, rowsToSend, saveGrid } from "./grid-save";
import type { GridIndicator } from "./queries";

const indicator = (id: string, chosen = false, actual: Saved = null): GridIndicator => ({
  kind: "indicator",
  id,
  code: id,
  name: `Chỉ tiêu ${id}`,
  unit: "%",
  depth: 0,
  direction: chosen ? "QUALITATIVE" : "HIGHER_BETTER",
  target2025: "",
  target2030: "",
  chosen,
  statusInput: { direction: "HIGHER_BETTER", baseline: null, targets: [], actuals: [] },
  previous: null,
  baseline: null,
  actual,
});
const savedActual = (text: string, version: number): NonNullable<Saved> => ({
  text,
  qualitativeStatus: null,
  status: "NO_DATA",
  note: "",
  source: "",
  version,
  isIllustrative: false,
});

const a = indicator("a", false, savedActual("10", 3));
const b = indicator("b", true);
const c = indicator("c");
const indicators = [a, b, c];
const saved: Record<string, Saved> = { a: a.actual, b: null, c: null };
const draft = (patch: Partial<Draft> = {}, from: Saved = null): Draft => ({ ...draftOf(from), ...patch });

function grid(drafts: Record<string, Draft>) {
  const dirty = changedRows(indicators, drafts, saved);
  const readings = Object.fromEntries(
    indicators.map((r) => [r.id, readActualCell(drafts[r.id]!.text, r.chosen ? "qualitative" : "numeric")]),
  );
  return { planId: "p", year: 2026, dirty, readings, drafts, saved };
}

describe("saving the results grid", () => {
  it("sends only the changed rows, with the version read and a chosen status only where it is chosen", () => {
    const drafts = {
      a: draft({ text: "12,5 " }, a.actual),
      b: draft({ text: "Đảm bảo", qualitativeStatus: "MET" }),
      c: draft({ qualitativeStatus: "" }),
    };
    const dirty = changedRows(indicators, drafts, saved);
    expect(dirty.map((r) => r.id)).toEqual(["a", "b"]);
    expect(rowsToSend(dirty, drafts, saved)).toEqual([
      { indicatorId: "a", text: "12,5 ", qualitativeStatus: null, note: "", source: "", version: 3 },
      { indicatorId: "b", text: "Đảm bảo", qualitativeStatus: "MET", note: "", source: "", version: null },
    ]);
    expect(
      changedRows(indicators, { ...drafts, a: draft({ text: " 10 " }, a.actual) }, saved).map((r) => r.id),
    ).toEqual(["b"]);
  });

  it("sends nothing when nothing changed or a cell cannot be read", async () => {
    const send = vi.fn();
    const unchanged = { a: draft({}, a.actual), b: draft(), c: draft() };
    expect(await saveGrid(send, grid(unchanged))).toEqual({ kind: "nothing" });
    const outcome = await saveGrid(send, grid({ ...unchanged, c: draft({ text: "1.2" }) }));
    expect(outcome).toEqual({ kind: "unreadable", count: 1, firstId: "c" });
    expect(send).not.toHaveBeenCalled();
    expect(refusalMessage(outcome as Exclude<typeof outcome, { kind: "saved" }>)).toContain("Còn 1 ô chưa đọc được");
  });

  it("returns what the server saved", async () => {
    const send = vi.fn(async () => ({
      status: "ok" as const,
      data: { saved: [{ indicatorId: "c", actual: savedActual("7", 1) }], changed: 1 },
    }));
    const outcome = await saveGrid(send, grid({ a: draft({}, a.actual), b: draft(), c: draft({ text: "7" }) }));
    expect(send).toHaveBeenCalledWith({
      planId: "p",
      year: 2026,
      rows: [{ indicatorId: "c", text: "7", qualitativeStatus: null, note: "", source: "", version: null }],
    });
    expect(outcome).toEqual({ kind: "saved", fresh: { c: savedActual("7", 1) }, changed: 1 });
  });

  it("puts the server's messages on the rows they are about", async () => {
    const send = async () => ({
      status: "error" as const,
      message: "Vui lòng sửa các ô được đánh dấu.",
      fieldErrors: { "rows.1.text": "Không đọc được", "rows.9.text": "ngoài bảng", planId: "?" },
    });
    const outcome = await saveGrid(
      send,
      grid({ a: draft({ text: "11" }, a.actual), b: draft(), c: draft({ text: "8" }) }),
    );
    expect(outcome).toEqual({
      kind: "refused",
      message: "Vui lòng sửa các ô được đánh dấu.",
      cellErrors: { c: "Không đọc được" },
    });
    expect(cellErrorsOf({ "rows.0.note": "Quá dài" }, [{ indicatorId: "x" } as never])).toEqual({ x: "Quá dài" });
  });

  it("keeps what was typed when the server cannot be reached", async () => {
    const outcome = await saveGrid(
      async () => {
        throw new Error("offline");
      },
      grid({ a: draft({ text: "11" }, a.actual), b: draft(), c: draft() }),
    );
    expect(outcome).toEqual({ kind: "unreachable" });
    expect(refusalMessage({ kind: "unreachable" })).toContain("Số liệu bạn nhập vẫn còn trên màn hình");
  });
});
