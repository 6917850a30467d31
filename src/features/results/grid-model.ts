import type { IndicatorStatus } from "@/domain/indicator-status";
import type { GridIndicator } from "./queries";

// What the results grid edits: one draft per indicator row, compared with what was saved.

export type Draft = { text: string; qualitativeStatus: IndicatorStatus | ""; note: string; source: string };
export type Saved = GridIndicator["actual"];
export type Column = "text" | "status" | "note" | "source";
export type TextColumn = Exclude<Column, "status">;

/** The editable columns, left to right (data-col is the index here). */
export const COLUMNS: readonly Column[] = ["text", "status", "note", "source"];
/** The columns a block pasted from Excel fills, left to right. */
export const TEXT_COLUMNS: readonly TextColumn[] = ["text", "note", "source"];
/** Statuses a user may choose for an indicator whose status is not computed. */
export const CHOOSABLE: readonly IndicatorStatus[] = ["MET", "ON_TRACK", "AT_RISK", "OFF_TRACK"];

export const draftOf = (actual: Saved): Draft => ({
  text: actual?.text ?? "",
  qualitativeStatus: actual?.qualitativeStatus ?? "",
  note: actual?.note ?? "",
  source: actual?.source ?? "",
});

/** Whether a draft says the same as another (spaces at the ends do not count). */
export const sameDraft = (a: Draft, b: Draft) =>
  a.text.trim() === b.text.trim() &&
  a.qualitativeStatus === b.qualitativeStatus &&
  a.note.trim() === b.note.trim() &&
  a.source.trim() === b.source.trim();
