"use client";

import { useId, useState } from "react";
import { readTarget } from "@/domain/indicator-assessment";
import { describeTarget, type Direction } from "@/domain/target-notation";
import { inputStyle } from "@/ui/input-style";

// One target of an indicator in the review screen: its reading shown in place, and a doubt read from
// the extraction (doubt.ts) shown until the user edits the value, so that a guess never looks valid.

export function TargetCell({
  value,
  label,
  onChange,
  error,
  mark,
  indicator,
}: {
  value: string;
  label: string;
  onChange: (v: string) => void;
  error?: string;
  /** Read from doubtful text (doubt.ts): shown until the user edits the value, so a guess never looks valid. */
  mark?: string;
  /** Words are a target only where the unit is not a measure, or the row is marked "Định tính" (readTarget). */
  indicator: { unit: string; direction: Direction | undefined };
}) {
  const read = value.trim() ? readTarget(value, indicator) : null;
  const [initial] = useState(value);
  const doubt = mark && value === initial ? mark : undefined;
  const doubtId = useId();
  return (
    <td className="px-1 py-1 align-top">
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-label={label}
        aria-invalid={Boolean(error) || (read !== null && !read.ok)}
        aria-describedby={doubt ? doubtId : undefined}
        className={`w-28 ${inputStyle.compact} ${doubt ? "ring-2 ring-amber-400" : ""}`}
      />
      {doubt && !error ? (
        <span
          className="block max-w-48 text-xs font-semibold text-amber-900"
          role="note"
          id={doubtId}
          data-testid="target-doubt"
        >
          Cần kiểm tra: {doubt}
        </span>
      ) : null}
      {error ? (
        <span className="block max-w-48 text-xs text-red-700" role="status">
          {error}
        </span>
      ) : read === null ? null : read.ok ? (
        <span className="block max-w-48 text-xs text-stone-500">{describeTarget(read.target)}</span>
      ) : (
        <span className="block max-w-48 text-xs text-red-700">{read.error}</span>
      )}
    </td>
  );
}
