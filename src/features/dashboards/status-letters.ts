import type { IndicatorStatus } from "@/domain/indicator-status";

// One letter per status: the rollup's matrix rows and the plan dashboard's cards carry statuses as
// short strings of these (a province's matrix has ~15,000 cells). Kept apart from status.ts so that
// the client components that read them do not bundle the domain's status logic.

export const STATUS_LETTERS: Record<IndicatorStatus, string> = {
  MET: "M",
  ON_TRACK: "O",
  AT_RISK: "R",
  OFF_TRACK: "X",
  NO_DATA: "N",
};

/** In a matrix row: the plan has no indicator for that column. */
export const NO_CELL = "-";

const LETTER_STATUS = Object.fromEntries(
  Object.entries(STATUS_LETTERS).map(([status, letter]) => [letter, status]),
) as Record<string, IndicatorStatus>;

/** The status a letter stands for, or null (NO_CELL, or anything else). */
export function statusOfLetter(letter: string | undefined): IndicatorStatus | null {
  return (letter && LETTER_STATUS[letter]) || null;
}
