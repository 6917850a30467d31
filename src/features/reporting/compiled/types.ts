import type { Aggregation } from "@/domain/locality-aggregation";
import type { IndicatorStatus } from "@/domain/indicator-status";

// What a body's yearly report compiles from the localities that implement its plan (issue 16): kept
// in the report snapshot (`ReportSnapshot.compiled`), so it follows the localities while the report is
// a draft and is frozen with the body's own submission.

export const NARRATIVE_KEYS = ["leadership", "results", "shortcomings", "nextYear", "proposals"] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];

export type LocalityReportState = "SUBMITTED" | "ACCEPTED" | "RETURNED" | "DRAFT" | "NONE" | "NOT_OWED";

export type CompiledLocality = {
  planId: string;
  /** The issuing body ("Thị ủy Mộc Châu"). */
  name: string;
  /** For a body that has ended: its end and who continues its work, as the dashboards say it. */
  note: string | null;
  planNumber: string;
  report: {
    state: LocalityReportState;
    /** "Đã nộp", "Bị trả lại, chưa nộp lại", "Không phải báo cáo" … */
    label: string;
    due: string | null;
    /** First submission (ISO date), null when never sent. */
    submittedOn: string | null;
    /** Sent after its due day, or not sent and past it. */
    late: boolean;
  };
};

export type LocalityValue = {
  planId: string;
  target: string | null;
  actual: string | null;
  actualValue: number | null;
  status: IndicatorStatus | null;
};

export type CompiledIndicator = {
  id: string;
  code: string;
  name: string;
  unit: string | null;
  isGroup: boolean;
  depth: number;
  /** The body's own target for the year, figure and status. */
  own: { target: string | null; actual: string | null; status: IndicatorStatus | null };
  aggregation: Aggregation;
  weightName: string | null;
  /** The figure compiled from the localities ("1.234 (cộng, 12/13 địa phương)"); null when not combined. */
  compiled: string | null;
  compiledValue: number | null;
  /** Localities having the indicator, by status (NO_DATA: no figure). */
  counts: Record<IndicatorStatus, number>;
  /** Names of the localities off track. */
  offTrack: string[];
  values: LocalityValue[];
};

export type CompiledReport = {
  /** ISO date the localities' data was read. */
  compiledOn: string;
  localities: CompiledLocality[];
  summary: { localities: number; reported: number; late: number; returned: number; notOwed: number };
  /** Today's localities below the body without an issued implementing plan (none attributed to them either). */
  withoutPlan: string[];
  indicators: CompiledIndicator[];
  /** Per narrative section, what the localities sent (latest submission, sent or accepted), each under its name. */
  sections: Record<NarrativeKey, { planId: string; locality: string; text: string }[]>;
};
