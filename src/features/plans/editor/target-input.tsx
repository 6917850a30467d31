"use client";

import { useState } from "react";
import { compareAmbition, describeTarget, parseTarget, type Direction } from "@/domain/target-notation";
import { FieldMessage } from "@/ui/field-message";

/**
 * A target typed in the officials' notation, read back as the user types ("dưới 1,2%" → "Thấp hơn
 * 1,2%"), with the parent's target beside it and a warning when the local one asks for less.
 */
export function TargetInput({
  name,
  label,
  initial,
  parentText,
  direction,
  serverError,
}: {
  name: string;
  label: string;
  initial: string;
  parentText: string | null;
  direction: Direction;
  serverError?: string;
}) {
  const [value, setValue] = useState(initial);
  const parsed = value.trim() ? parseTarget(value) : null;
  const parent = parentText ? parseTarget(parentText) : null;
  const weaker =
    parsed?.ok && parent?.ok ? compareAmbition(parent.target, parsed.target, direction) === "WEAKER" : false;
  return (
    <label className="block text-sm">
      <span className="font-semibold">{label}</span>
      <input
        name={name}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={Boolean(parsed && !parsed.ok) || Boolean(serverError)}
        className={`mt-1 w-full rounded border px-2 py-1 ${parsed && !parsed.ok ? "border-red-500" : "border-stone-300"}`}
        placeholder="ví dụ dưới 1,2% · 2-2,5 · ≥1"
      />
      {parentText ? <span className="block text-xs text-stone-500">Cấp trên: {parentText}</span> : null}
      {parsed?.ok ? (
        <span className="block text-xs text-stone-600" data-testid={`${name}-reading`}>
          Đọc là: {describeTarget(parsed.target)}
        </span>
      ) : null}
      {parsed && !parsed.ok ? <FieldMessage message={parsed.error} /> : null}
      {serverError && !(parsed && !parsed.ok) ? <FieldMessage message={serverError} /> : null}
      {weaker ? (
        <span
          role="alert"
          className="mt-1 block rounded bg-amber-50 px-2 py-1 text-xs font-semibold text-amber-900"
          data-testid={`${name}-weaker`}
        >
          ⚠ Thấp hơn yêu cầu của cấp trên ({parentText})
        </span>
      ) : null}
    </label>
  );
}
