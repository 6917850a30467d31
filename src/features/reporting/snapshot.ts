import type { IndicatorStatus } from "@/domain/indicator-status";
import type { CompiledReport } from "./compiled/types";

export type { CompiledIndicator, CompiledLocality, CompiledReport, NarrativeKey } from "./compiled/types";
export { NARRATIVE_KEYS } from "./compiled/types";

// What a yearly report says, frozen when it is submitted (report_submissions.snapshot). Exports
// (Word, Excel, print) are rendered from this and nothing else, so a submitted report reads the same
// forever, whatever happens to the plan's data afterwards.

export type ReportSnapshot = {
  version: 1;
  year: number;
  /** ISO dates: the data period (15/12 of the previous year to 14/12) and the due date. */
  period: { start: string; end: string; due: string };
  plan: {
    id: string;
    /** "222-KH/ThU"; for an unnumbered draft "chưa có số" (snapshots sent before 12/2026: "/KH-UBND"). */
    number: string;
    kind: string;
    title: string;
    track: "PARTY" | "STATE";
    issuedOn: string | null;
    isIllustrative: boolean;
  };
  issuer: {
    name: string;
    /** Header lines of the issuing body, top to bottom: ["ĐẢNG BỘ TỈNH SƠN LA", "THỊ ỦY MỘC CHÂU"], ["ỦY BAN NHÂN DÂN", "HUYỆN EA SÚP"]. */
    headerLines: string[];
    /** Place name for "…, ngày … tháng … năm …". */
    place: string;
    /** Issuer code used in the report's number: "ThU", "UBND". */
    issuerCode: string;
    notation: "PARTY" | "STATE";
  };
  /** The body the report goes to (the issuer of the parent plan), if known. */
  recipientBody: string | null;
  /** The report's own number serial, null while unnumbered ("Số: …/BC-UBND"). */
  reportSerial: string | null;
  /** ISO date the report is dated (the submission date, or today for a draft). */
  reportDate: string;
  signer: { name: string | null; title: string | null; signingForm: string | null };
  sections: { leadership: string; results: string; shortcomings: string; nextYear: string; proposals: string };
  indicators: {
    code: string;
    name: string;
    unit: string | null;
    isGroup: boolean;
    depth: number;
    target2025: string;
    target2030: string;
    /** This year's actual as the user wrote it ("24,01", "Đảm bảo vững"), null when not reported. */
    actual: string | null;
    /** The actual as a number, for Excel cells (null for qualitative or missing). */
    actualValue: number | null;
    status: IndicatorStatus | null;
    isIllustrative: boolean;
  }[];
  tasks: {
    numbering: string;
    title: string | null;
    body: string;
    depth: number;
    lead: string[];
    status: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "BEHIND" | null;
    summary: string | null;
  }[];
  recipients: string[];
  /**
   * For a body whose plan has implementing plans below it: what it compiles from its localities
   * (issue 16). Absent in snapshots of bodies without localities and in those sent before 12/2026.
   */
  compiled?: CompiledReport | null;
};

/**
 * One workbook comparing a province's localities on the indicators of the province's plan: for each
 * locality that implements it, the target that counts in `year` (with the milestone year it belongs
 * to), the year's actual and its status. Built from live data (locality-comparison.ts).
 */
export type LocalityComparison = {
  provinceName: string;
  year: number;
  /** The province's plan the localities implement. */
  plan: { number: string; title: string; issuerName: string } | null;
  indicators: {
    key: string;
    code: string;
    name: string;
    unit: string | null;
    /** The indicator group it sits in ("5. Giáo dục"), null at the top level. */
    group: string | null;
    /** The province's own target that counts in `year`. */
    provinceTarget: { year: number; text: string } | null;
  }[];
  localities: {
    name: string;
    /** Set when the locality no longer exists and its plan is attributed to a successor. */
    note: string | null;
    planNumber: string | null;
    values: Record<
      string,
      {
        target: string | null;
        /** The milestone the target belongs to: the first at or after `year`, else the last. */
        targetYear: number | null;
        actual: string | null;
        actualValue: number | null;
        status: IndicatorStatus | null;
      }
    >;
  }[];
  isIllustrative: boolean;
};
