import { parseVietnameseNumber } from "@/domain/decimal";

// What one "actual" cell of the results grid says, read the way officials write numbers: a decimal
// comma, dots between thousands ("1.500,5"), an optional "%". Shared by the grid (immediate message
// in the cell) and the save action (the server reads the text again and decides).

export type CellReading = { ok: true; text: string; value: number | null } | { ok: false; text: string; error: string };

export const MAX_ACTUAL_LENGTH = 200;

/**
 * Numeric indicators need a number ("24,01", "1.500", "95%"); where the user chooses the status
 * (qualitative indicators), any short text is kept ("Đảm bảo vững"), and its number when it has one.
 * An empty cell is "not reported".
 */
export function readActualCell(raw: string, mode: "numeric" | "qualitative"): CellReading {
  const text = raw.replace(/\s+/g, " ").trim();
  if (text === "") return { ok: true, text, value: null };
  if (text.length > MAX_ACTUAL_LENGTH) return { ok: false, text, error: `Quá dài (tối đa ${MAX_ACTUAL_LENGTH} ký tự)` };
  const value = parseVietnameseNumber(text.replace(/\s*%$/, ""));
  if (mode === "qualitative") return { ok: true, text, value };
  if (value !== null) return { ok: true, text, value };
  if (/^[-+]?\d+\.\d{1,2}%?$/.test(text) || /^[-+]?\d+\.\d{4,}%?$/.test(text)) {
    return {
      ok: false,
      text,
      error: `Không đọc được “${text}”: dùng dấu phẩy cho phần thập phân, ví dụ ${text.replace(".", ",")}`,
    };
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(text)) {
    return {
      ok: false,
      text,
      error: `Không đọc được “${text}”: dấu chấm tách hàng nghìn, dấu phẩy trước phần thập phân, ví dụ 1.500,5`,
    };
  }
  return { ok: false, text, error: `Không đọc được “${text}”: chỉ tiêu này cần một số, ví dụ 24,01 hoặc 1.500` };
}

/**
 * A block copied from Excel: lines split on newlines (the trailing newline Excel adds dropped),
 * each line split on tabs into the columns to its right.
 */
export function splitPastedBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => line.split("\t").map(unquoteExcelCell));
}

/** Excel quotes a cell that holds a line break or a quote: "a ""b""" → a "b". */
function unquoteExcelCell(cell: string): string {
  const trimmed = cell.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"'))
    return trimmed.slice(1, -1).replace(/""/g, '"');
  return cell;
}

/** Whether a paste should spread over several cells instead of going into the one that has focus. */
export function isMultiCellPaste(text: string): boolean {
  const block = splitPastedBlock(text);
  return block.length > 1 || (block[0]?.length ?? 0) > 1;
}
