"use client";

import { useActionState, useId, useState } from "react";
import { aggregationLabels, AGGREGATIONS, type Aggregation } from "@/domain/locality-aggregation";
import { FieldMessage } from "@/ui/field-message";
import { ActionForm } from "@/ui/form";
import { inputStyle } from "@/ui/input-style";
import { setIndicatorAggregationAction } from "./server-actions";

/** A measurable indicator (groups are left out by the page), named as the lists show it ("1.2. Tỷ lệ hộ nghèo"). */
export type AggregationRow = {
  id: string;
  label: string;
  version: number;
  aggregation: Aggregation;
  aggregationWeightId: string | null;
};

/**
 * How one indicator's figures combine across the localities, for the compiled report (ADR 0029): one
 * indicator at a time, on the plan page, apart from the plan editor. Choosing an indicator shows its
 * current setting; its version travels with the form so that a concurrent change is refused.
 */
export function AggregationForm({ planId, indicators }: { planId: string; indicators: AggregationRow[] }) {
  const [state, formAction, pending] = useActionState(setIndicatorAggregationAction, { status: "idle" });
  const measurable = indicators;
  const sent = state.status === "error" ? state.values : {};
  const [chosenId, setChosenId] = useState(sent.indicatorId ?? measurable[0]?.id ?? "");
  const chosen = measurable.find((i) => i.id === chosenId) ?? measurable[0];
  const [aggregation, setAggregation] = useState<Aggregation>(chosen?.aggregation ?? "NONE");
  const [weightId, setWeightId] = useState(chosen?.aggregationWeightId ?? "");
  const errors = state.status === "error" ? state.fieldErrors : {};
  const id = useId();
  if (!chosen) return null;

  const choose = (id: string) => {
    const next = measurable.find((i) => i.id === id);
    setChosenId(id);
    setAggregation(next?.aggregation ?? "NONE");
    setWeightId(next?.aggregationWeightId ?? "");
  };

  return (
    <ActionForm
      state={state}
      action={formAction}
      className="space-y-2 rounded-lg border border-stone-200 bg-white p-3 text-sm"
      aria-label="Cách tổng hợp số liệu của chỉ tiêu"
    >
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={chosen.version} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-indicator`} className="font-semibold">
            Chỉ tiêu
          </label>
          <select
            id={`${id}-indicator`}
            name="indicatorId"
            value={chosen.id}
            onChange={(e) => choose(e.target.value)}
            className={`${inputStyle.inline} max-w-md`}
          >
            {measurable.map((i) => (
              <option key={i.id} value={i.id}>
                {i.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-method`} className="font-semibold">
            Cách tổng hợp
          </label>
          <select
            id={`${id}-method`}
            name="aggregation"
            value={aggregation}
            onChange={(e) => setAggregation(e.target.value as Aggregation)}
            aria-invalid={errors.aggregation ? true : undefined}
            className={inputStyle.inline}
          >
            {AGGREGATIONS.map((a) => (
              <option key={a} value={a}>
                {aggregationLabels[a]}
              </option>
            ))}
          </select>
        </div>
        {aggregation === "WEIGHTED_AVERAGE" ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-weight`} className="font-semibold">
              Trọng số theo chỉ tiêu
            </label>
            <select
              id={`${id}-weight`}
              name="aggregationWeightId"
              value={weightId}
              onChange={(e) => setWeightId(e.target.value)}
              aria-invalid={errors.aggregationWeightId ? true : undefined}
              className={`${inputStyle.inline} max-w-md`}
            >
              <option value="">— Chọn chỉ tiêu —</option>
              {measurable
                .filter((i) => i.id !== chosen.id)
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.label}
                  </option>
                ))}
            </select>
          </div>
        ) : null}
        <button
          disabled={pending}
          className="rounded border border-stone-300 px-3 py-1.5 hover:bg-stone-50 disabled:opacity-60"
        >
          {pending ? "Đang lưu…" : "Lưu cách tổng hợp"}
        </button>
      </div>
      <FieldMessage message={errors.aggregation ?? errors.aggregationWeightId ?? errors.indicatorId} />
      <p aria-live="polite">
        {state.status === "ok" ? <span className="text-emerald-700">Đã lưu.</span> : null}
        {state.status === "error" ? <span className="text-red-700">{state.message}</span> : null}
      </p>
    </ActionForm>
  );
}
