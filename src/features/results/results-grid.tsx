"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { IndicatorStatus } from "@/domain/indicator-status";
import { describeTarget, parseTarget } from "@/domain/target-notation";
import { Badge } from "@/ui/badge";
import { inputStyle } from "@/ui/input-style";
import { readActualCell, splitPastedBlock, isMultiCellPaste } from "./cell";
import { indicatorStatusLook } from "@/ui/statuses";
import type { GridIndicator, GridRow } from "./queries";
import { saveActualsAction } from "./server-actions";
import { previewStatus } from "./status";

// The results grid: one row per indicator, the targets beside this year's actual. It works from the
// keyboard like a spreadsheet (arrows, Enter down, Tab across, Esc restores the saved value), takes a
// block pasted from Excel, reads every cell as it is typed and keeps what it cannot read, with the
// reason in the cell. "Lưu" sends every changed row in one action.

type Draft = { text: string; qualitativeStatus: IndicatorStatus | ""; note: string; source: string };
type Saved = GridIndicator["actual"];
type Column = "text" | "status" | "note" | "source";
const COLUMNS: Column[] = ["text", "status", "note", "source"];
const TEXT_COLUMNS: Exclude<Column, "status">[] = ["text", "note", "source"];
const CHOOSABLE: IndicatorStatus[] = ["MET", "ON_TRACK", "AT_RISK", "OFF_TRACK"];

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string; changed: number }
  | { kind: "failed"; message: string };

const draftOf = (actual: Saved): Draft => ({
  text: actual?.text ?? "",
  qualitativeStatus: actual?.qualitativeStatus ?? "",
  note: actual?.note ?? "",
  source: actual?.source ?? "",
});
const sameDraft = (a: Draft, b: Draft) =>
  a.text.trim() === b.text.trim() &&
  a.qualitativeStatus === b.qualitativeStatus &&
  a.note.trim() === b.note.trim() &&
  a.source.trim() === b.source.trim();

function targetTitle(text: string): string | undefined {
  if (!text) return undefined;
  const parsed = parseTarget(text);
  return parsed.ok ? describeTarget(parsed.target) : undefined;
}

export function ResultsGrid({
  planId,
  year,
  rows,
  canEdit,
}: {
  planId: string;
  year: number;
  rows: GridRow[];
  canEdit: boolean;
}) {
  const indicators = useMemo(() => rows.filter((r): r is GridIndicator => r.kind === "indicator"), [rows]);
  const rowIndex = useMemo(() => new Map(indicators.map((r, i) => [r.id, i])), [indicators]);
  const [saved, setSaved] = useState<Record<string, Saved>>(() =>
    Object.fromEntries(indicators.map((r) => [r.id, r.actual])),
  );
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(indicators.map((r) => [r.id, draftOf(r.actual)])),
  );
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [notice, setNotice] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const readings = useMemo(
    () =>
      Object.fromEntries(
        indicators.map((r) => [r.id, readActualCell(drafts[r.id]!.text, r.chosen ? "qualitative" : "numeric")]),
      ),
    [indicators, drafts],
  );
  const dirty = indicators.filter((r) => !sameDraft(drafts[r.id]!, draftOf(saved[r.id] ?? null)));
  const invalid = dirty.filter((r) => !readings[r.id]!.ok);

  useEffect(() => {
    if (dirty.length === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty.length]);

  const focusCell = useCallback((row: number, column: number) => {
    const cell = tableRef.current?.querySelector<HTMLInputElement | HTMLSelectElement>(
      `[data-row="${row}"][data-col="${column}"]`,
    );
    if (!cell) return false;
    cell.focus();
    if (cell instanceof HTMLInputElement) cell.select();
    return true;
  }, []);

  /** Moves vertically in a column, skipping rows that do not have that cell (the status of computed rows). */
  const moveVertical = (row: number, column: number, step: 1 | -1) => {
    for (let r = row + step; r >= 0 && r < indicators.length; r += step) if (focusCell(r, column)) return;
  };
  const moveHorizontal = (row: number, column: number, step: 1 | -1) => {
    for (let c = column + step; c >= 0 && c < COLUMNS.length; c += step) if (focusCell(row, c)) return;
  };

  const update = (id: string, patch: Partial<Draft>) => {
    setDrafts((current) => ({ ...current, [id]: { ...current[id]!, ...patch } }));
    setServerErrors((current) =>
      current[id] ? Object.fromEntries(Object.entries(current).filter(([k]) => k !== id)) : current,
    );
    setSaveState((state) => (state.kind === "saved" ? { kind: "idle" } : state));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement | HTMLSelectElement>, row: number, column: number) => {
    const target = event.currentTarget;
    const atStart =
      !(target instanceof HTMLInputElement) ||
      (target.selectionStart === 0 && target.selectionEnd === 0) ||
      target.selectionStart === null;
    const atEnd =
      !(target instanceof HTMLInputElement) ||
      target.selectionEnd === target.value.length ||
      target.selectionStart === null;
    const selectedAll =
      target instanceof HTMLInputElement && target.selectionStart === 0 && target.selectionEnd === target.value.length;
    if ((event.key === "s" || event.key === "S") && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === "ArrowDown" || (event.key === "Enter" && !event.shiftKey)) {
      event.preventDefault();
      moveVertical(row, column, 1);
    } else if (event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey)) {
      event.preventDefault();
      moveVertical(row, column, -1);
    } else if (event.key === "ArrowLeft" && (atStart || selectedAll)) {
      event.preventDefault();
      moveHorizontal(row, column, -1);
    } else if (event.key === "ArrowRight" && (atEnd || selectedAll)) {
      event.preventDefault();
      moveHorizontal(row, column, 1);
    } else if (event.key === "Escape") {
      const indicator = indicators[row]!;
      const original = draftOf(saved[indicator.id] ?? null);
      const key = COLUMNS[column]!;
      update(
        indicator.id,
        key === "status" ? { qualitativeStatus: original.qualitativeStatus } : { [key]: original[key] },
      );
    }
  };

  const onPaste = (event: React.ClipboardEvent<HTMLInputElement>, row: number, column: Exclude<Column, "status">) => {
    const text = event.clipboardData.getData("text/plain");
    if (!isMultiCellPaste(text)) return;
    event.preventDefault();
    const block = splitPastedBlock(text);
    const firstColumn = TEXT_COLUMNS.indexOf(column);
    const patches: Record<string, Partial<Draft>> = {};
    let used = 0;
    block.forEach((line, i) => {
      const indicator = indicators[row + i];
      if (!indicator) return;
      used++;
      line.forEach((cell, j) => {
        const key = TEXT_COLUMNS[firstColumn + j];
        if (key) patches[indicator.id] = { ...patches[indicator.id], [key]: cell.trim() };
      });
    });
    setDrafts((current) => {
      const next = { ...current };
      for (const [id, patch] of Object.entries(patches)) next[id] = { ...next[id]!, ...patch };
      return next;
    });
    setServerErrors({});
    setNotice(
      `Đã dán ${used} dòng${block.length > used ? `; bỏ qua ${block.length - used} dòng vượt quá cuối bảng` : ""}. Nhấn “Lưu kết quả” để lưu.`,
    );
  };

  // A second Ctrl+S while a save is on its way would send the same versions again and be refused as
  // someone else's change; the ref sees the save under way before React re-renders.
  const saving = useRef(false);

  async function save() {
    if (saving.current) return;
    if (dirty.length === 0) {
      setSaveState({ kind: "failed", message: "Không có thay đổi nào để lưu." });
      return;
    }
    if (invalid.length) {
      setSaveState({
        kind: "failed",
        message: `Còn ${invalid.length} ô chưa đọc được (đánh dấu đỏ). Hãy sửa rồi lưu lại; các ô khác vẫn giữ nguyên.`,
      });
      const first = rowIndex.get(invalid[0]!.id);
      if (first !== undefined) focusCell(first, 0);
      return;
    }
    const sent = dirty.map((r) => {
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
    setSaveState({ kind: "saving" });
    setNotice(null);
    saving.current = true;
    try {
      const result = await saveActualsAction({ planId, year, rows: sent });
      if (result.status === "ok") {
        const fresh = Object.fromEntries(result.data.saved.map((s) => [s.indicatorId, s.actual]));
        setSaved((current) => ({ ...current, ...fresh }));
        setDrafts((current) => ({
          ...current,
          ...Object.fromEntries(result.data.saved.map((s) => [s.indicatorId, draftOf(s.actual)])),
        }));
        setServerErrors({});
        setSaveState({
          kind: "saved",
          at: new Date().toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" }),
          changed: result.data.changed,
        });
      } else if (result.status === "error") {
        const cellErrors: Record<string, string> = {};
        for (const [key, message] of Object.entries(result.fieldErrors)) {
          const match = /^rows\.(\d+)\./.exec(key);
          const row = match ? sent[Number(match[1])] : undefined;
          if (row) cellErrors[row.indicatorId] = message;
        }
        setServerErrors(cellErrors);
        setSaveState({ kind: "failed", message: result.message });
      }
    } catch {
      setSaveState({
        kind: "failed",
        message: "Không kết nối được máy chủ. Số liệu bạn nhập vẫn còn trên màn hình; hãy thử lưu lại.",
      });
    } finally {
      saving.current = false;
    }
  }

  if (indicators.length === 0) {
    return (
      <p className="rounded border border-dashed border-stone-300 bg-white p-4 text-stone-600">
        Kế hoạch này chưa có chỉ tiêu nào trong hệ thống, nên chưa có gì để nhập kết quả.{" "}
        {canEdit ? (
          <a href={`/plans/${planId}/edit`} className="text-brand-700 underline">
            Thêm chỉ tiêu ở trang Soạn, sửa kế hoạch
          </a>
        ) : (
          "Đơn vị ban hành kế hoạch thêm chỉ tiêu ở trang Soạn, sửa kế hoạch."
        )}
      </p>
    );
  }

  return (
    <div className="space-y-2">
      {canEdit ? (
        <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg border border-stone-200 bg-white/95 px-3 py-2 text-sm shadow-sm">
          <button
            type="button"
            onClick={() => void save()}
            disabled={saveState.kind === "saving"}
            className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {saveState.kind === "saving" ? "Đang lưu…" : "Lưu kết quả"}
          </button>
          <p aria-live="polite" data-testid="results-save-state">
            {saveState.kind === "saving" ? <span>Đang lưu {dirty.length} thay đổi…</span> : null}
            {saveState.kind === "saved" ? (
              <span className="text-emerald-700">
                Đã lưu {saveState.changed} thay đổi lúc {saveState.at}.
              </span>
            ) : null}
            {saveState.kind === "failed" ? (
              <span className="text-red-700">Chưa lưu được: {saveState.message}</span>
            ) : null}
            {saveState.kind === "idle" && dirty.length ? (
              <span className="text-amber-800">Có {dirty.length} dòng thay đổi chưa lưu.</span>
            ) : null}
            {saveState.kind === "idle" && !dirty.length ? (
              <span className="text-stone-500">Không có thay đổi chưa lưu.</span>
            ) : null}
          </p>
          {notice ? <p className="text-stone-600">{notice}</p> : null}
          <p className="ml-auto text-xs text-stone-500">
            Mũi tên: di chuyển · Enter: xuống · Tab: sang phải · Esc: khôi phục ô · Ctrl+S: lưu · Dán cả cột từ Excel
          </p>
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table ref={tableRef} className="w-full text-sm" aria-label={`Kết quả thực hiện chỉ tiêu năm ${year}`}>
          <thead className="bg-stone-100 text-left">
            <tr>
              <th scope="col" className="w-14 px-2 py-2">
                TT
              </th>
              <th scope="col" className="min-w-64 px-2 py-2">
                Chỉ tiêu
              </th>
              <th scope="col" className="px-2 py-2">
                Đơn vị
              </th>
              <th scope="col" className="px-2 py-2 text-center">
                Mục tiêu 2025
              </th>
              <th scope="col" className="px-2 py-2 text-center">
                Mục tiêu 2030
              </th>
              <th scope="col" className="w-40 px-2 py-2">
                Thực hiện {year}
              </th>
              <th scope="col" className="w-40 px-2 py-2">
                Đánh giá
              </th>
              <th scope="col" className="w-48 px-2 py-2">
                Ghi chú
              </th>
              <th scope="col" className="w-44 px-2 py-2">
                Nguồn số liệu
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              if (row.kind === "group") {
                return (
                  <tr key={row.id} className="border-t border-stone-100 bg-stone-50 font-semibold">
                    <td className="px-2 py-2 tabular-nums">{row.code}</td>
                    <td colSpan={8} className="px-2 py-2" style={{ paddingLeft: `${0.5 + row.depth}rem` }}>
                      {row.name}
                    </td>
                  </tr>
                );
              }
              const r = rowIndex.get(row.id)!;
              const draft = drafts[row.id]!;
              const reading = readings[row.id]!;
              const error = serverErrors[row.id] ?? (reading.ok ? undefined : reading.error);
              const isDirty = !sameDraft(draft, draftOf(saved[row.id] ?? null));
              const status: IndicatorStatus | null = row.chosen
                ? null
                : reading.ok
                  ? previewStatus(
                      row.statusInput,
                      year,
                      reading.text === "" ? null : { value: reading.value, qualitativeStatus: null },
                    )
                  : (saved[row.id]?.status ?? null);
              const errorId = `loi-${row.id}`;
              const input = (column: Exclude<Column, "status">, label: string, extra = "") => (
                <input
                  {...(column === "text" && error ? { "aria-invalid": true, "aria-describedby": errorId } : {})}
                  data-row={r}
                  data-col={COLUMNS.indexOf(column)}
                  value={draft[column]}
                  onChange={(e) => update(row.id, { [column]: e.target.value })}
                  onKeyDown={(e) => onKeyDown(e, r, COLUMNS.indexOf(column))}
                  onPaste={(e) => onPaste(e, r, column)}
                  aria-label={`${label} — ${row.code} ${row.name}`}
                  className={`${inputStyle.cell} ${extra}`}
                  autoComplete="off"
                />
              );
              return (
                <tr
                  key={row.id}
                  className={`border-t border-stone-100 align-top ${isDirty ? "bg-amber-50/60" : ""}`}
                  data-testid={`result-${row.code}`}
                >
                  <td className="px-2 py-2 tabular-nums">{row.code}</td>
                  <td className="px-2 py-2" style={{ paddingLeft: `${0.5 + row.depth}rem` }}>
                    {row.name}
                    {row.direction === "LOWER_BETTER" ? (
                      <span className="ml-1 text-xs text-stone-500">↓ càng thấp càng tốt</span>
                    ) : null}
                    {saved[row.id]?.isIllustrative ? (
                      <span className="ml-1">
                        <Badge tone="amber">minh họa</Badge>
                      </span>
                    ) : null}
                  </td>
                  <td className="px-2 py-2 text-stone-600">{row.unit ?? ""}</td>
                  <td className="px-2 py-2 text-center" title={targetTitle(row.target2025)}>
                    {row.target2025 || "—"}
                  </td>
                  <td className="px-2 py-2 text-center" title={targetTitle(row.target2030)}>
                    {row.target2030 || "—"}
                  </td>
                  <td className="px-2 py-1">
                    {canEdit ? (
                      <>
                        {input("text", `Thực hiện ${year}`, "tabular-nums")}
                        {error ? (
                          <span id={errorId} className="mt-0.5 block text-xs text-red-700" data-testid="cell-error">
                            {error}
                          </span>
                        ) : null}
                      </>
                    ) : (
                      <span className="tabular-nums">{saved[row.id]?.text || "—"}</span>
                    )}
                  </td>
                  <td className="px-2 py-1">
                    {row.chosen && canEdit ? (
                      <select
                        data-row={r}
                        data-col={1}
                        value={draft.qualitativeStatus}
                        onChange={(e) => update(row.id, { qualitativeStatus: e.target.value as IndicatorStatus | "" })}
                        onKeyDown={(e) => onKeyDown(e, r, 1)}
                        aria-label={`Đánh giá — ${row.code} ${row.name}`}
                        className={inputStyle.cell}
                      >
                        <option value="">— Chọn đánh giá —</option>
                        {CHOOSABLE.map((s) => (
                          <option key={s} value={s}>
                            {indicatorStatusLook[s].label}
                          </option>
                        ))}
                      </select>
                    ) : row.chosen ? (
                      <Badge tone={indicatorStatusLook[saved[row.id]?.qualitativeStatus ?? "NO_DATA"].tone}>
                        {indicatorStatusLook[saved[row.id]?.qualitativeStatus ?? "NO_DATA"].label}
                      </Badge>
                    ) : status ? (
                      <span title="Tính tự động theo lộ trình từ mức cơ sở đến mục tiêu 2025 và 2030">
                        <Badge tone={indicatorStatusLook[status].tone}>{indicatorStatusLook[status].label}</Badge>
                      </span>
                    ) : (
                      <span className="text-stone-400">—</span>
                    )}
                    {row.chosen && canEdit ? (
                      <span className="mt-0.5 block text-xs text-stone-500">
                        Chỉ tiêu định tính: người nhập đánh giá
                      </span>
                    ) : null}
                  </td>
                  <td className="px-2 py-1">
                    {canEdit ? input("note", "Ghi chú") : <span>{saved[row.id]?.note}</span>}
                  </td>
                  <td className="px-2 py-1">
                    {canEdit ? input("source", "Nguồn số liệu") : <span>{saved[row.id]?.source}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
