import { formatVietnameseNumber } from "@/domain/decimal";
import { formatDate } from "@/domain/reporting-calendar";

/** dd/mm/yyyy for a date column (stored as a UTC midnight). */
export function day(date: Date | null | undefined): string {
  return date ? formatDate(date.toISOString().slice(0, 10)) : "—";
}

export function number(value: { toString(): string } | number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return formatVietnameseNumber(Number(value.toString()));
}
