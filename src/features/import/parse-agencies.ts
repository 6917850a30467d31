import { fold, trimPunctuation } from "./text";

// An assignment line names several agencies: "Phòng Lao động - Thương binh và Xã hội; Phòng Nội
// vụ", "Trung tâm Y tế, Văn phòng HĐND và UBND huyện", "Phòng Nông nghiệp và Phát triển nông thôn
// và Phòng Dân tộc". Collective names keep their commas: "Các cơ quan, đơn vị, ngành của huyện",
// "UBND các xã, thị trấn". A comma or "và" separates two agencies only when what follows begins
// like the name of a body.

/** Words an agency's name begins with (folded). */
const AGENCY_HEADS = [
  "phong",
  "so",
  "ban",
  "trung tam",
  "van phong",
  "ubnd",
  "uy ban",
  "hdnd",
  "hoi dong",
  "bao hiem",
  "cong an",
  "mat tran",
  "mttq",
  "uy ban mttq",
  "huyen doan",
  "tinh doan",
  "thanh doan",
  "doan thanh nien",
  "hoi",
  "lien doan",
  "lien minh",
  "cuc",
  "chi cuc",
  "kho bac",
  "ngan hang",
  "dai",
  "benh vien",
  "truong",
  "dang uy",
  "dang doan",
  "ban can su",
  "toa an",
  "vien kiem sat",
  "chi nhanh",
  "thanh uy",
  "huyen uy",
  "tinh uy",
  "thi uy",
  "bo chi huy",
  "ban chi huy",
  "hat kiem lam",
  "thuong truc",
  "thuong vu",
  "ban thuong vu",
  "bo",
  "chi bo",
  "cac co quan",
  "cac don vi",
  "cac to chuc",
  "cac doan the",
  "cac hoi",
  "cac phong",
  "cac so",
  "cac ban",
  "cac xa",
  "cac dang uy",
  "cac chi bo",
  "ubmttq",
  "doan the",
  "to chuc",
];

/** After "và", only these begin a second agency ("Văn phòng HĐND và UBND huyện" is one body). */
const AFTER_AND_HEADS = [
  "phong",
  "so",
  "trung tam",
  "ban",
  "bao hiem",
  "cong an",
  "hoi",
  "dai",
  "benh vien",
  "chi cuc",
  "cuc",
  "kho bac",
  "ngan hang",
  "van phong",
  "bo chi huy",
  "ban chi huy",
  "huyen doan",
  "tinh doan",
  "thanh doan",
];

function beginsWith(text: string, heads: readonly string[]): boolean {
  const key = fold(text);
  return heads.some((head) => key === head || key.startsWith(`${head} `));
}

/** Whether the piece after a separator starts a new agency. */
function startsAgency(piece: string, heads: readonly string[]): boolean {
  const trimmed = piece.trimStart();
  if (!beginsWith(trimmed, heads)) return false;
  const first = trimmed[0] ?? "";
  // "các cơ quan …" in lower case is still a list member; other lower-case words continue a name.
  return first === first.toLocaleUpperCase("vi") || fold(trimmed).startsWith("cac ");
}

function splitOn(text: string, separator: RegExp, heads: readonly string[]): string[] {
  const out: string[] = [];
  let rest = text;
  let joiner = "";
  // Walk the separators so that a piece glued back keeps the separator it had ("và" or "va").
  for (;;) {
    const match = separator.exec(rest);
    const piece = match ? rest.slice(0, match.index) : rest;
    if (out.length > 0 && !startsAgency(piece, heads)) {
      out[out.length - 1] += `${joiner}${piece.trim()}`;
    } else {
      out.push(piece.trim());
    }
    if (!match) break;
    joiner = match[0].includes(",") ? ", " : ` ${match[0].trim()} `;
    rest = rest.slice(match.index + match[0].length);
  }
  return out;
}

/** The agencies of one assignment line, each as written (without the final "." or ";"). */
export function splitAgencies(value: string): string[] {
  const names: string[] = [];
  for (const part of value.split(/\s*[;；]\s*|\s*\n\s*/)) {
    const cleaned = trimPunctuation(part);
    if (!cleaned) continue;
    for (const byComma of splitOn(cleaned, /\s*,\s*/, AGENCY_HEADS)) {
      for (const byAnd of splitOn(byComma, /\s+(?:và|va)\s+/, AFTER_AND_HEADS)) {
        const name = trimPunctuation(byAnd);
        if (name) names.push(name);
      }
    }
  }
  return names;
}

/** A name that is probably not one agency (a sentence, a number, a cut-off list). */
export function suspiciousAgency(name: string): string | null {
  if (name.length > 120) return `“${name.slice(0, 60)}…” quá dài để là tên một cơ quan`;
  if (/\d{3,}/.test(name)) return `“${name}” có chữ số, không giống tên cơ quan`;
  if (/\s(?:và|hoặc|của|các)$/u.test(name)) return `“${name}” có vẻ bị cắt giữa chừng`;
  return null;
}
