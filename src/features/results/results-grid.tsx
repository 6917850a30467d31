"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { readActualCell, type CellReading } from "./cell";
import { caretOf, gridKeyAction, nextCell } from "./grid-keyboard";
import { COLUMNS, draftOf, sameDraft, type Draft, type Saved, type TextColumn } from "./grid-model";
import { pasteBlock, pasteNotice } from "./grid-paste";
import { GRID_IDS, GridRow, type CellEvents } from "./grid-row";
import { changedRows, refusalMessage, saveGrid } from "./grid-save";
import { unpackGrid, type PackedRow } from "./grid-wire";
import type { GridIndicator } from "./queries";
import { newestSaved, rememberSaved } from "./saved-in-tab";
import { saveActualsAction } from "./server-actions";

// The results grid: one row per indicator, the targets beside this year's actual. It works from the
// keyboard like a spreadsheet (grid-keyboard.ts: arrows, Enter down, Tab across, Esc restores the
// saved value), takes a block pasted from Excel (grid-paste.ts), reads every cell as it is typed and
// keeps what it cannot read, with the reason in the cell (grid-row.tsx). "Lưu" sends every changed
// row in one action (grid-save.ts).

/**
 * A cell's reading, kept per draft: a draft is replaced, never changed, when its row is edited, so the
 * other rows keep their readings (the same objects) and their memoised rows do not re-render.
 */
const readingsOfDrafts = new WeakMap<Draft, CellReading>();
function readingOf(draft: Draft, qualitative: boolean): CellReading {
  const known = readingsOfDrafts.get(draft);
  if (known) return known;
  const reading = readActualCell(draft.text, qualitative ? "qualitative" : "numeric");
  readingsOfDrafts.set(draft, reading);
  return reading;
}

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string; changed: number }
  | { kind: "failed"; message: string };

export function ResultsGrid({
  planId,
  year,
  packed,
  canEdit,
}: {
  planId: string;
  year: number;
  /** The rows as packGrid (grid-wire.ts) sends them. */
  packed: PackedRow[];
  canEdit: boolean;
}) {
  const rows = useMemo(() => unpackGrid(packed, year), [packed, year]);
  const indicators = useMemo(() => rows.filter((r): r is GridIndicator => r.kind === "indicator"), [rows]);
  const rowIndex = useMemo(() => new Map(indicators.map((r, i) => [r.id, i])), [indicators]);
  const rowIds = useMemo(() => indicators.map((r) => r.id), [indicators]);
  // The rows as last saved: the page's, or newer ones this tab saved (saved-in-tab.ts).
  const form = `actuals:${planId}:${year}`;
  const [saved, setSaved] = useState<Record<string, Saved>>(() =>
    Object.fromEntries(indicators.map((r) => [r.id, newestSaved(form, r.id, r.actual)])),
  );
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(Object.entries(saved).map(([id, actual]) => [id, draftOf(actual)])),
  );
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [notice, setNotice] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const readings = useMemo(
    () => Object.fromEntries(indicators.map((r) => [r.id, readingOf(drafts[r.id]!, r.chosen)])),
    [indicators, drafts],
  );
  const dirty = changedRows(indicators, drafts, saved);

  useEffect(() => {
    if (dirty.length === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty.length]);

  const cellAt = useCallback(
    (row: number, column: number) =>
      tableRef.current?.querySelector<HTMLInputElement | HTMLSelectElement>(
        `[data-row="${row}"][data-col="${column}"]`,
      ),
    [],
  );
  const focusCell = useCallback(
    (row: number, column: number) => {
      const cell = cellAt(row, column);
      if (!cell) return;
      cell.focus();
      if (cell instanceof HTMLInputElement) cell.select();
    },
    [cellAt],
  );

  const update = useCallback((id: string, patch: Partial<Draft>) => {
    setDrafts((current) => ({ ...current, [id]: { ...current[id]!, ...patch } }));
    setServerErrors((current) =>
      current[id] ? Object.fromEntries(Object.entries(current).filter(([k]) => k !== id)) : current,
    );
    setSaveState((state) => (state.kind === "saved" ? { kind: "idle" } : state));
  }, []);

  // What the row handlers read when they run: set after each render, so the handlers themselves stay
  // the same functions for every render and the memoised rows are not re-rendered by a new closure.
  const latest = useRef({ indicators, saved, save: async () => {} });

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLInputElement | HTMLSelectElement>, row: number, column: number) => {
      const action = gridKeyAction(event, caretOf(event.currentTarget));
      if (!action) return;
      const { indicators, saved, save } = latest.current;
      if (action.kind === "save") {
        event.preventDefault();
        void save();
      } else if (action.kind === "move") {
        event.preventDefault();
        const next = nextCell({ row, column }, action, { rows: indicators.length, columns: COLUMNS.length }, (r, c) =>
          Boolean(cellAt(r, c)),
        );
        if (next) focusCell(next.row, next.column);
      } else {
        const indicator = indicators[row]!;
        const original = draftOf(saved[indicator.id] ?? null);
        const key = COLUMNS[column]!;
        update(
          indicator.id,
          key === "status" ? { qualitativeStatus: original.qualitativeStatus } : { [key]: original[key] },
        );
      }
    },
    [cellAt, focusCell, update],
  );

  const onPaste = useCallback(
    (event: React.ClipboardEvent<HTMLInputElement>, row: number, column: TextColumn) => {
      const pasted = pasteBlock(event.clipboardData.getData("text/plain"), { rowIds, row, column });
      if (!pasted) return;
      event.preventDefault();
      setDrafts((current) => {
        const next = { ...current };
        for (const [id, patch] of Object.entries(pasted.patches)) next[id] = { ...next[id]!, ...patch };
        return next;
      });
      setServerErrors({});
      setNotice(pasteNotice(pasted));
    },
    [rowIds],
  );
  const events: CellEvents = useMemo(() => ({ onUpdate: update, onKeyDown, onPaste }), [update, onKeyDown, onPaste]);

  // A second Ctrl+S while a save is on its way would send the same versions again and be refused as
  // someone else's change; the ref sees the save under way before React re-renders.
  const saving = useRef(false);

  async function save() {
    if (saving.current) return;
    const grid = { planId, year, dirty, readings, drafts, saved };
    if (dirty.length && dirty.every((r) => readings[r.id]!.ok)) {
      setSaveState({ kind: "saving" });
      setNotice(null);
    }
    saving.current = true;
    try {
      const outcome = await saveGrid(saveActualsAction, grid);
      if (outcome.kind === "saved") {
        rememberSaved(form, outcome.fresh);
        setSaved((current) => ({ ...current, ...outcome.fresh }));
        setDrafts((current) => ({
          ...current,
          ...Object.fromEntries(Object.entries(outcome.fresh).map(([id, actual]) => [id, draftOf(actual)])),
        }));
        setServerErrors({});
        setSaveState({
          kind: "saved",
          at: new Date().toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" }),
          changed: outcome.changed,
        });
        return;
      }
      if (outcome.kind === "refused") setServerErrors(outcome.cellErrors);
      if (outcome.kind === "unreadable") {
        const first = rowIndex.get(outcome.firstId);
        if (first !== undefined) focusCell(first, 0);
      }
      setSaveState({ kind: "failed", message: refusalMessage(outcome) });
    } finally {
      saving.current = false;
    }
  }

  useLayoutEffect(() => {
    latest.current = { indicators, saved, save };
  });

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
          <p className="ml-auto text-xs text-stone-500 max-md:hidden">
            Mũi tên: di chuyển · Enter: xuống · Tab: sang phải · Esc: khôi phục ô · Ctrl+S: lưu · Dán cả cột từ Excel
          </p>
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        {/* Below 768 px the table is a list of cards (grid-row.tsx): no column is off-screen at 390 px. */}
        <table
          ref={tableRef}
          className="results-grid"
          style={{ "--year": `"${year}"` } as React.CSSProperties}
          aria-label={`Kết quả thực hiện chỉ tiêu năm ${year}`}
        >
          <thead className="bg-stone-100 text-left max-md:hidden">
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
              <th scope="col" id={GRID_IDS.header(0)} className="w-40 px-2 py-2">
                Thực hiện {year}
              </th>
              <th
                scope="col"
                id={GRID_IDS.header(1)}
                className="w-40 px-2 py-2"
                title="Tính tự động theo lộ trình từ mức cơ sở đến mục tiêu 2025 và 2030; với chỉ tiêu định tính, người nhập chọn"
              >
                Đánh giá
              </th>
              <th scope="col" id={GRID_IDS.header(2)} className="w-48 px-2 py-2">
                Ghi chú
              </th>
              <th scope="col" id={GRID_IDS.header(3)} className="w-44 px-2 py-2">
                Nguồn số liệu
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              if (row.kind === "group") {
                return (
                  <tr key={row.id} className="group-row">
                    <td className="tabular-nums">{row.code}</td>
                    <td colSpan={8} style={{ paddingLeft: `${0.5 + row.depth}rem` }}>
                      {row.name}
                    </td>
                  </tr>
                );
              }
              const index = rowIndex.get(row.id)!;
              const draft = drafts[row.id]!;
              return (
                <GridRow
                  key={row.id}
                  row={row}
                  index={index}
                  year={year}
                  draft={draft}
                  reading={readings[row.id]!}
                  saved={saved[row.id] ?? null}
                  serverError={serverErrors[row.id]}
                  dirty={!sameDraft(draft, draftOf(saved[row.id] ?? null))}
                  canEdit={canEdit}
                  {...events}
                />
              );
            })}
          </tbody>
        </table>
        {/* The dash between a column's name and the row's in each input's name (grid-row.tsx). */}
        <span id={GRID_IDS.dash} hidden>
          —
        </span>
      </div>
    </div>
  );
}
