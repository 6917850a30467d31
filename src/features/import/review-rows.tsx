"use client";

import { memo, useEffect, useRef } from "react";
import type { DocumentKind } from "@/domain/document-number";
import type { SourceRange } from "./parse-document";
import { type HeaderModel, type IndicatorModel, type TaskModel } from "./review-model";
import { inputStyle } from "@/ui/input-style";
import { TargetCell } from "./target-cell";

// The parts of the review screen (review-form.tsx): the source pane with line numbers, the rows of
// tasks and of indicators, and the small pieces they share (the link to the source lines, a problem
// beside a field, the mark on what was not read clearly).

export type Select = (range: SourceRange | undefined) => void;
export type Marks = Record<string, Record<string, string>>;
export type Ranges = Record<string, Record<string, SourceRange>>;

export const UNCLEAR = "Chưa đọc được — hãy kiểm tra";
export const KINDS: DocumentKind[] = [
  "PLAN",
  "PROGRAMME",
  "RESOLUTION",
  "DECISION",
  "DIRECTIVE",
  "CONCLUSION",
  "GUIDANCE",
  "REPORT",
  "NOTICE",
  "LETTER",
];
export const SECTION_LABELS: Record<keyof HeaderModel["sections"], string> = {
  preamble: "Căn cứ, mở đầu",
  purpose: "Mục đích",
  requirements: "Yêu cầu",
  generalObjective: "Mục tiêu tổng quát",
  vision: "Tầm nhìn",
  funding: "Kinh phí",
  implementation: "Tổ chức thực hiện",
};
export const input = inputStyle.field;

export function lineLabel(range: SourceRange | undefined): string {
  if (!range) return "";
  return range.from === range.to ? `dòng ${range.from}` : `dòng ${range.from}–${range.to}`;
}

export function SourceButton({ range, onSelect }: { range: SourceRange | undefined; onSelect: Select }) {
  if (!range) return <span className="text-xs text-stone-500">không rõ dòng</span>;
  return (
    <button
      type="button"
      onClick={() => onSelect(range)}
      className="rounded px-1 text-xs text-brand-700 underline hover:bg-brand-50"
      title="Tô sáng các dòng này trong văn bản gốc"
    >
      Xem nguồn: {lineLabel(range)}
    </button>
  );
}

export function Problem({ message, error }: { message?: string; error?: string }) {
  if (error)
    return (
      <span className="mt-1 block text-sm font-normal text-red-700" role="status">
        {error}
      </span>
    );
  if (message) return <span className="mt-1 block text-xs font-normal text-amber-900">{message}</span>;
  return null;
}

export function UnclearBadge({ marks }: { marks: Record<string, string> | undefined }) {
  if (!marks || Object.keys(marks).length === 0) return null;
  return (
    <span
      className="inline-flex items-center rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300"
      title={Object.values(marks).join("\n")}
    >
      {UNCLEAR}
    </span>
  );
}

// ---------------------------------------------------------------------------------------------
// Source pane

export const SourcePane = memo(function SourcePane({
  lines,
  selected,
}: {
  lines: string[];
  selected: SourceRange | null;
}) {
  const pane = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selected || !pane.current) return;
    const line = pane.current.querySelector<HTMLElement>(`[data-line="${selected.from}"]`);
    if (line) pane.current.scrollTop = line.offsetTop - pane.current.clientHeight / 3;
  }, [selected]);
  return (
    <div
      ref={pane}
      tabIndex={0}
      role="region"
      aria-label="Văn bản gốc"
      className="relative max-h-[80vh] overflow-auto rounded-lg border border-stone-200 bg-white font-mono text-xs leading-5"
    >
      <ol className="min-w-full">
        {lines.map((line, i) => {
          const no = i + 1;
          const on = selected !== null && no >= selected.from && no <= selected.to;
          return (
            <li
              key={no}
              data-line={no}
              className={`flex gap-2 px-2 ${on ? "bg-amber-100" : ""}`}
              aria-current={on && no === selected?.from ? "location" : undefined}
            >
              <span className="w-9 shrink-0 select-none text-right text-stone-500">{no}</span>
              <span className="whitespace-pre-wrap break-words">{line.replace(/\t/g, " │ ") || " "}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
});

// ---------------------------------------------------------------------------------------------
// Tasks

export type TaskRowProps = {
  task: TaskModel;
  depth: number;
  onChange: (uid: string, patch: Partial<TaskModel>) => void;
  onSelect: Select;
  sources: Ranges;
  marks: Marks;
  errors: Marks;
};

export const TaskRow = memo(function TaskRow({
  task,
  depth,
  onChange,
  onSelect,
  sources,
  marks,
  errors,
}: TaskRowProps) {
  const mark = marks[task.uid];
  const error = errors[task.uid];
  const set = (patch: Partial<TaskModel>) => onChange(task.uid, patch);
  const label = `${task.numbering || "Nhiệm vụ"} ${(task.title || task.body).slice(0, 60)}`;
  const roles = [
    ["lead", "Chủ trì"],
    ["coordinating", "Phối hợp"],
    ["directing", "Chỉ đạo"],
    ["advising", "Tham mưu, thực hiện"],
  ] as const;
  return (
    <li className="space-y-2">
      <fieldset
        className={`rounded border p-2 ${task.excluded ? "border-dashed border-stone-300 opacity-50" : mark || error ? "border-amber-400 bg-amber-50/40" : "border-stone-200 bg-white"}`}
        style={{ marginLeft: depth * 12 }}
        aria-label={`Nhiệm vụ ${label}`}
      >
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <input
            value={task.numbering}
            onChange={(e) => set({ numbering: e.target.value })}
            aria-label={`Số thứ tự — ${label}`}
            className={`w-16 font-semibold ${inputStyle.compact}`}
          />
          <input
            value={task.title}
            onChange={(e) => set({ title: e.target.value })}
            aria-label={`Tên nhóm nhiệm vụ — ${label}`}
            placeholder="(không có tiêu đề)"
            className={`min-w-48 flex-1 ${inputStyle.compact}`}
          />
          <SourceButton range={sources[task.uid]?.[""]} onSelect={onSelect} />
          <UnclearBadge marks={mark} />
          <label className="ml-auto flex items-center gap-1 text-xs">
            <input type="checkbox" checked={task.excluded} onChange={(e) => set({ excluded: e.target.checked })} /> Bỏ
            mục này
          </label>
        </div>
        {!task.excluded ? (
          <div className="mt-2 grid gap-2 text-sm">
            <label className="font-semibold">
              Nội dung
              <textarea
                value={task.body}
                onChange={(e) => set({ body: e.target.value })}
                rows={task.body ? Math.min(6, Math.ceil(task.body.length / 120) + 1) : 1}
                className={input}
              />
              <Problem message={mark?.[""]} error={error?.body ?? error?.[""]} />
            </label>
            {task.children.length === 0 || task.lead || task.coordinating || task.timeframe ? (
              <div className="grid gap-2 sm:grid-cols-2">
                {roles
                  .filter(([role]) => role === "lead" || role === "coordinating" || task[role])
                  .map(([role, text]) => (
                    <label key={role} className="font-semibold">
                      {text} <span className="font-normal text-stone-500">(ngăn cách bằng dấu ;)</span>
                      <input
                        value={task[role]}
                        onChange={(e) => set({ [role]: e.target.value })}
                        className={input}
                        aria-invalid={Boolean(error?.[role])}
                      />
                      <Problem message={mark?.[role]} error={error?.[role]} />
                    </label>
                  ))}
                <label className="font-semibold">
                  Thời gian thực hiện
                  <input
                    value={task.timeframe}
                    onChange={(e) => set({ timeframe: e.target.value })}
                    className={input}
                    aria-invalid={Boolean(error?.timeframe)}
                  />
                  <Problem message={mark?.timeframe} error={error?.timeframe} />
                </label>
              </div>
            ) : null}
          </div>
        ) : null}
      </fieldset>
      {task.children.length && !task.excluded ? (
        <ul className="space-y-2">
          {task.children.map((child) => (
            <TaskRow
              key={child.uid}
              task={child}
              depth={depth + 1}
              onChange={onChange}
              onSelect={onSelect}
              sources={sources}
              marks={marks}
              errors={errors}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
});

// ---------------------------------------------------------------------------------------------
// Indicators

export type IndicatorRowProps = {
  item: IndicatorModel;
  depth: number;
  years: string[];
  onChange: (uid: string, patch: Partial<IndicatorModel>) => void;
  onSelect: Select;
  sources: Ranges;
  marks: Marks;
  errors: Marks;
};

export const IndicatorRows = memo(function IndicatorRows({
  item,
  depth,
  years,
  onChange,
  onSelect,
  sources,
  marks,
  errors,
}: IndicatorRowProps) {
  const mark = marks[item.uid];
  const error = errors[item.uid];
  const set = (patch: Partial<IndicatorModel>) => onChange(item.uid, patch);
  const label = `${item.code} ${item.name.slice(0, 60)}`;
  const ownMarks = mark
    ? Object.fromEntries(Object.entries(mark).filter(([k]) => !k.startsWith("targets.")))
    : undefined;
  return (
    <>
      <tr
        className={`border-t border-stone-100 align-top ${item.excluded ? "opacity-50" : item.isGroup ? "bg-stone-50 font-semibold" : ""} ${mark || error || item.doubtful ? "bg-amber-50/60" : ""}`}
        data-doubtful={item.doubtful || undefined}
      >
        <td className="px-1 py-1">
          <input
            value={item.code}
            onChange={(e) => set({ code: e.target.value })}
            aria-label={`Mã — ${label}`}
            className={`w-14 ${inputStyle.compact}`}
            style={{ marginLeft: depth * 8 }}
          />
        </td>
        <td className="px-1 py-1">
          <textarea
            value={item.name}
            onChange={(e) => set({ name: e.target.value })}
            aria-label={`Tên chỉ tiêu — ${label}`}
            rows={Math.min(3, Math.ceil(item.name.length / 60))}
            className={`w-full min-w-56 ${inputStyle.compact}`}
          />
          <div className="flex flex-wrap items-center gap-2">
            <SourceButton range={sources[item.uid]?.[""]} onSelect={onSelect} />
            <UnclearBadge marks={ownMarks && Object.keys(ownMarks).length ? ownMarks : undefined} />
            {item.isGroup ? <span className="text-xs text-stone-500">nhóm chỉ tiêu</span> : null}
          </div>
          <Problem message={mark?.[""]} error={error?.name ?? error?.[""]} />
        </td>
        <td className="px-1 py-1">
          {item.isGroup ? null : (
            <input
              value={item.unit}
              onChange={(e) => set({ unit: e.target.value })}
              aria-label={`Đơn vị — ${label}`}
              className={`w-20 ${inputStyle.compact}`}
            />
          )}
          {item.isGroup ? null : (
            // The explicit choice that lets a target be written in words under a measured unit.
            <label className="mt-1 flex items-center gap-1 text-xs text-stone-600">
              <input
                type="checkbox"
                checked={item.kept.direction === "QUALITATIVE"}
                onChange={(e) =>
                  set({ kept: { ...item.kept, direction: e.target.checked ? "QUALITATIVE" : undefined } })
                }
                aria-label={`Chỉ tiêu định tính — ${label}`}
              />
              định tính
            </label>
          )}
        </td>
        {years.map((year) =>
          item.isGroup ? (
            <td key={year} />
          ) : (
            <TargetCell
              key={year}
              value={item.targets[year] ?? ""}
              label={`Mục tiêu năm ${year} — ${label}`}
              onChange={(v) => set({ targets: { ...item.targets, [year]: v } })}
              error={error?.[`targets.${year}`]}
              mark={mark?.[`targets.${year}`]}
              indicator={{ unit: item.unit, direction: item.kept.direction }}
            />
          ),
        )}
        <td className="px-1 py-1 text-center">
          {item.isGroup ? null : (
            <input
              type="checkbox"
              checked={item.fromParent}
              onChange={(e) => set({ fromParent: e.target.checked })}
              aria-label={`Chỉ tiêu của văn bản cấp trên — ${label}`}
            />
          )}
        </td>
        <td className="px-1 py-1 text-center">
          <input
            type="checkbox"
            checked={item.excluded}
            onChange={(e) => set({ excluded: e.target.checked })}
            aria-label={`Bỏ chỉ tiêu — ${label}`}
          />
        </td>
      </tr>
      {item.excluded
        ? null
        : item.children.map((child) => (
            <IndicatorRows
              key={child.uid}
              item={child}
              depth={depth + 1}
              years={years}
              onChange={onChange}
              onSelect={onSelect}
              sources={sources}
              marks={marks}
              errors={errors}
            />
          ))}
    </>
  );
});

// ---------------------------------------------------------------------------------------------
