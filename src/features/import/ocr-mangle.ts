import { stripDiacritics } from "@/domain/vietnamese-text";

// OCR-like damage for the accuracy round trip (issue 17): what a Vietnamese OCR tool does to a
// plan, made deterministic by a seed so that a measured rate can be reproduced. Not used by the
// product; the tests and docs/import.md measure the repair (ocr-repair.ts) against it.
//
// What it does, at rates read off real OCR output of scanned plans (a few percent of words):
// - every diacritic stripped and đ/Đ written d/D (what the OCR fixture already did);
// - "tỷ lệ" read "ty 1€" or "ty 1e", "Đảng" read "Pang";
// - inside words: l→1, o→0, e→€, i→1, Đ→P, m→rn, and a stray accent ("hién");
// - digits misread in years and thousands: an extra digit ("2030" → "20630", "10.000" → "10.0000");
// - two columns merged on one line: "Nơi nhận:" and "T/M BAN THƯỜNG VỤ" / "KT. CHỦ TỊCH".

export type MangleRates = {
  /** Chance that a word gets one letter confusion. */
  letter: number;
  /** Chance that "tỷ lệ" becomes "ty 1€" (or "ty 1e"). */
  tyLe: number;
  /** Chance that "Đảng" becomes "Pang". */
  dang: number;
  /** Chance that a year or a number with thousands gains a digit. */
  digit: number;
};

export const DEFAULT_RATES: MangleRates = { letter: 0.04, tyLe: 0.5, dang: 0.5, digit: 0.08 };

/** mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same text. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTER_CONFUSIONS: ReadonlyArray<readonly [RegExp, (r: () => number) => string]> = [
  [/l/, () => "1"],
  [/o/, () => "0"],
  [/e/, (r) => (r() < 0.5 ? "€" : "é")],
  [/i/, () => "1"],
  [/m/, () => "rn"],
  [/a/, () => "á"],
  [/u/, () => "ú"],
];

function confuseLetter(word: string, random: () => number): string {
  // Only lower-case letters inside a word of four letters or more: OCR keeps short words and capitals better.
  if (!/^\p{Ll}{4,}$/u.test(word)) return word;
  const options = LETTER_CONFUSIONS.filter(([re]) => re.test(word.slice(1)));
  if (options.length === 0) return word;
  const [re, make] = options[Math.floor(random() * options.length)]!;
  const at = 1 + word.slice(1).search(re);
  return word.slice(0, at) + make(random) + word.slice(at + 1);
}

function confuseNumber(token: string, random: () => number): string {
  const year = /^(20)(\d\d)$/.exec(token);
  if (year) return `${year[1]}${Math.floor(random() * 10)}${year[2]}`;
  if (/^\d{1,3}(?:\.\d{3})+$/.test(token)) return `${token}${Math.floor(random() * 10)}`;
  return token;
}

/** Merges "Nơi nhận:" with the right column's "T/M …" or "KT. …" line that follows within a few lines. */
function mergeColumns(lines: string[]): string[] {
  const out = [...lines];
  const left = out.findIndex((l) => /^\W*N[ơo]i nh[ậa]n\b/iu.test(l));
  if (left < 0) return out;
  for (let i = left + 1; i < Math.min(out.length, left + 16); i++) {
    if (/^\W*(?:T\/M|KT\.|TM\.)/u.test(out[i]!)) {
      const [right] = out.splice(i, 1);
      out[left] = `${out[left]!.replace(/\s+$/, "")}   ${right!.replace(/\*+/g, "").trim()}`;
      break;
    }
  }
  return out;
}

/** The text as an OCR tool would give it back; the same seed always gives the same text. */
export function mangleOcr(text: string, seed: number, rates: MangleRates = DEFAULT_RATES): string {
  const random = seededRandom(seed);
  const lines = mergeColumns(text.normalize("NFC").split("\n"));
  return lines
    .map((line) => {
      let s = line
        .replace(/(?<!\p{L})[tT][ỷỉ] lệ(?!\p{L})/gu, (m) =>
          random() < rates.tyLe ? `${m[0]}y 1${random() < 0.6 ? "€" : "e"}` : m,
        )
        .replace(/Đảng(?!\p{L})/gu, (m) => (random() < rates.dang ? "Pang" : m));
      s = stripDiacritics(s);
      return s.replace(/[\p{L}\d.]+/gu, (token) => {
        if (/\d/.test(token)) {
          const bare = token.replace(/\.$/, "");
          return random() < rates.digit ? confuseNumber(bare, random) + token.slice(bare.length) : token;
        }
        return random() < rates.letter ? confuseLetter(token, random) : token;
      });
    })
    .join("\n");
}
