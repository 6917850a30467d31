import type { IndicatorStatus } from "@/domain/indicator-status";

// A year's actual as the results grid holds it: what the page reads and what a save answers with,
// in one shape, so that the grid takes either without converting.

export type ActualState = {
  text: string;
  qualitativeStatus: IndicatorStatus | null;
  status: IndicatorStatus;
  note: string;
  source: string;
  version: number;
  isIllustrative: boolean;
};

type ActualRow = Omit<ActualState, "note" | "source"> & { note: string | null; source: string | null };

/** The grid's shape of a stored actual (no note or source is an empty input). */
export function actualState(row: ActualRow): ActualState {
  return {
    text: row.text,
    qualitativeStatus: row.qualitativeStatus,
    status: row.status,
    note: row.note ?? "",
    source: row.source ?? "",
    version: row.version,
    isIllustrative: row.isIllustrative,
  };
}
