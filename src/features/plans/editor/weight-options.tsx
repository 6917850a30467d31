"use client";

import { createContext, use, type ReactNode } from "react";

// The indicators of the plan that can weigh an average (numeric, not groups), given once to the
// list of indicator rows rather than to every row: a long plan would otherwise carry the list once
// per indicator.

export type WeightOption = { value: string; label: string };

const WeightOptionsContext = createContext<readonly WeightOption[]>([]);

export function WeightOptions({ options, children }: { options: WeightOption[]; children: ReactNode }) {
  return <WeightOptionsContext value={options}>{children}</WeightOptionsContext>;
}

export function useWeightOptions(): readonly WeightOption[] {
  return use(WeightOptionsContext);
}
