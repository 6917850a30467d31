"use client";

import { useState } from "react";
import { readTarget } from "@/domain/indicator-assessment";
import { compareAmbition } from "@/domain/target-meaning";
import { describeTarget, parseTarget, type Direction } from "@/domain/target-notation";
import { Field } from "@/ui/form";
import { inputStyle } from "@/ui/input-style";

/**
 * A target typed in the officials' notation, read back as the user types ("dưới 1,2%" → "Thấp hơn
 * 1,2%"), with the parent's target beside it and a warning when the local one asks for less. It is
 * controlled, so what was typed survives React's reset of the form after a refusal.
 */
export function TargetInput({
  name,
  label,
  initial,
  parentText,
  direction,
  unit,
  serverError,
  onValueChange,
}: {
  name: string;
  label: string;
  initial: string;
  parentText: string | null;
  direction: Direction;
  /** The indicator's unit as typed: words are a target only where it is not a measure (readTarget). */
  unit: string;
  serverError?: string;
  /** Told every change, for the indicator's assessment shown beside the targets. */
  onValueChange?: (value: string) => void;
}) {
  const [value, setValue] = useState(initial);
  const parsed = value.trim() ? readTarget(value, { unit, direction }) : null;
  const parent = parentText ? parseTarget(parentText) : null;
  const weaker =
    parsed?.ok && parent?.ok ? compareAmbition(parent.target, parsed.target, direction) === "WEAKER" : false;
  const hint =
    parentText || parsed?.ok ? (
      <>
        {parentText ? <span className="block text-stone-500">Cấp trên: {parentText}</span> : null}
        {parsed?.ok ? (
          <span className="block" data-testid={`${name}-reading`}>
            Đọc là: {describeTarget(parsed.target)}
          </span>
        ) : null}
      </>
    ) : undefined;
  return (
    <div>
      <Field label={label} hint={hint} error={parsed && !parsed.ok ? parsed.error : serverError}>
        {(control) => (
          <input
            {...control}
            name={name}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              onValueChange?.(e.target.value);
            }}
            className={inputStyle.field}
            placeholder="ví dụ dưới 1,2% · 2-2,5 · ≥1"
          />
        )}
      </Field>
      {weaker ? (
        <span
          role="alert"
          className="mt-1 block rounded bg-amber-50 px-2 py-1 text-xs font-semibold text-amber-900"
          data-testid={`${name}-weaker`}
        >
          ⚠ Thấp hơn yêu cầu của cấp trên ({parentText})
        </span>
      ) : null}
    </div>
  );
}
