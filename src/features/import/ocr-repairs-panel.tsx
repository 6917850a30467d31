"use client";

import { useMemo, useState } from "react";
import type { OcrRepairs } from "./extract-text";
import type { Repair } from "./ocr-repair";

// The OCR text as it arrived beside the text the importer read (issue 17 part 3): every repair is
// listed and can be turned off; "Đọc lại" reads the original again without the repairs turned off.
// Repairs of the same word in the same way ("duoi" → "dưới") are one row, so that a long document
// stays a short list; guesses (a misread year, letters no known word explained) come first.

const KIND_LABELS: Record<Repair["kind"], string> = {
  split: "tách cột",
  letters: "số/ký hiệu → chữ",
  number: "số đọc sai",
  word: "dấu tiếng Việt",
};

type Group = {
  key: string;
  kind: Repair["kind"];
  original: string;
  replacement: string;
  doubtful: boolean;
  ids: number[];
  lines: number[];
};

function groups(repairs: Repair[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const r of repairs) {
    // Splits and numbers are each their own row: each is a decision about one place.
    const key = r.kind === "word" || r.kind === "letters" ? `${r.kind}|${r.original}|${r.replacement}` : `${r.id}`;
    const group = byKey.get(key);
    if (group) {
      group.ids.push(r.id);
      group.lines.push(r.line);
      group.doubtful ||= r.doubtful;
    } else
      byKey.set(key, {
        key,
        kind: r.kind,
        original: r.original,
        replacement: r.replacement,
        doubtful: r.doubtful,
        ids: [r.id],
        lines: [r.line],
      });
  }
  const order = (g: Group) => (g.doubtful ? 0 : g.kind === "word" ? 2 : 1);
  return [...byKey.values()].sort((a, b) => order(a) - order(b) || a.ids[0]! - b.ids[0]!);
}

export function OcrRepairsPanel({
  ocr,
  repairedLines,
  onReread,
  pending,
}: {
  ocr: OcrRepairs;
  repairedLines: string[];
  onReread: (disabled: number[]) => void;
  pending: boolean;
}) {
  const list = useMemo(() => groups(ocr.repairs), [ocr]);
  const [off, setOff] = useState<Set<number>>(() => new Set(ocr.repairs.filter((r) => !r.applied).map((r) => r.id)));
  const initiallyOff = useMemo(
    () =>
      ocr.repairs
        .filter((r) => !r.applied)
        .map((r) => r.id)
        .sort()
        .join(","),
    [ocr],
  );
  const changed = [...off].sort().join(",") !== initiallyOff;
  const toggle = (ids: number[], on: boolean) =>
    setOff((current) => {
      const next = new Set(current);
      ids.forEach((id) => (on ? next.delete(id) : next.add(id)));
      return next;
    });
  const guesses = ocr.repairs.filter((r) => r.doubtful && r.applied).length;

  return (
    <section
      className="space-y-3 rounded-lg border border-amber-200 bg-white p-3 text-sm"
      aria-labelledby="ocr-repairs"
      data-testid="ocr-repairs"
    >
      <h2 id="ocr-repairs" className="text-lg font-semibold">
        Văn bản OCR đã được sửa trước khi đọc
      </h2>
      <p>
        {ocr.repairs.length.toLocaleString("vi-VN")} chỗ sửa
        {guesses ? (
          <strong className="text-amber-900">
            , trong đó {guesses} chỗ là phỏng đoán: các mục đọc từ đó được đánh dấu cần kiểm tra
          </strong>
        ) : null}
        . Bỏ chọn một chỗ sửa rồi bấm “Đọc lại” để đọc văn bản không có chỗ sửa đó.
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <h3 className="font-semibold">Bản gốc (OCR)</h3>
          <pre
            className="max-h-64 overflow-auto whitespace-pre-wrap rounded border border-stone-200 bg-stone-50 p-2 text-xs"
            tabIndex={0}
            aria-label="Bản gốc (OCR)"
            data-testid="ocr-original"
          >
            {ocr.original.join("\n")}
          </pre>
        </div>
        <div>
          <h3 className="font-semibold">Bản đã sửa (được dùng để đọc)</h3>
          <pre
            className="max-h-64 overflow-auto whitespace-pre-wrap rounded border border-stone-200 bg-stone-50 p-2 text-xs"
            tabIndex={0}
            aria-label="Bản đã sửa"
            data-testid="ocr-repaired"
          >
            {repairedLines.join("\n")}
          </pre>
        </div>
      </div>
      <fieldset className="max-h-72 overflow-auto rounded border border-stone-200 p-2">
        <legend className="px-1 font-semibold">Các chỗ sửa</legend>
        <ul className="space-y-1">
          {list.map((g) => {
            const on = g.ids.some((id) => !off.has(id));
            return (
              <li key={g.key}>
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={(e) => toggle(g.ids, e.target.checked)}
                    className="mt-1"
                  />
                  <span>
                    <span className="text-stone-500">
                      dòng {g.lines.slice(0, 5).join(", ")}
                      {g.lines.length > 5 ? ` … (${g.lines.length} chỗ)` : ""} · {KIND_LABELS[g.kind]}:
                    </span>{" "}
                    <del className="text-red-800">{g.original}</del> →{" "}
                    <ins className="text-green-800 no-underline">{g.replacement}</ins>
                    {g.doubtful ? (
                      <span className="ml-1 rounded bg-amber-100 px-1 text-xs font-semibold text-amber-900">
                        phỏng đoán
                      </span>
                    ) : null}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <button
        type="button"
        disabled={!changed || pending}
        onClick={() => onReread([...off])}
        className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        Đọc lại với các chỗ sửa đã chọn
      </button>
    </section>
  );
}
