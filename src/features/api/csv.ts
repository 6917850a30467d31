// CSV as RFC 4180 writes it (comma, CRLF, fields quoted when they hold a comma, quote or line break),
// with a byte-order mark so that Excel opens UTF-8 Vietnamese text correctly. The reader accepts what
// Excel writes back: with or without the mark, CRLF or LF, and semicolons where the header line is
// separated by them (Excel in a locale whose decimal separator is the comma, as in Vietnam).

export const BOM = "\uFEFF";

export type CsvCell = string | number | null | undefined;

function field(value: CsvCell): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n;]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(field).join(",") + "\r\n").join("");
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The delimiter of the header line: ";" where it has more semicolons than commas outside quotes. */
function delimiterOf(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c === ",") commas++;
    else if (!quoted && c === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Rows of fields; blank lines are skipped. Throws CsvError (with the line) on a quote left open. */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const delimiter = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let current = "";
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  const endRow = () => {
    row.push(current);
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
    current = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        current += c;
      }
    } else if (c === '"') {
      quoted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      row.push(current);
      current = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
    } else current += c;
  }
  if (quoted) throw new CsvError(quoteLine, `Dòng ${quoteLine}: dấu ngoặc kép mở mà không đóng.`);
  if (current !== "" || row.length > 0) endRow();
  return rows;
}
