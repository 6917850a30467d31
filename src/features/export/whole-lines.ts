import { textWidthPt, type FontStyle } from "./measure-text";

// A body's name that does not fit its column is broken where a typist would break it: before the
// place ("ĐẢNG ỦY" / "PHƯỜNG MỘC CHÂU"), never inside the place name ("PHƯỜNG MỘC" / "CHÂU").

const UNIT_WORDS = ["thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã"];

/** True when `text` fits on one line `widthPt` wide. */
export function fits(text: string, style: FontStyle, widthPt: number): boolean {
  return textWidthPt(text, style) <= widthPt;
}

/**
 * `text` as lines that each fit `widthPt`: itself when it fits; else broken before the place
 * (the administrative unit word), else at the space that leaves the most balanced lines. A line
 * that cannot be broken further is kept whole even if too wide (a word processor would break it
 * anywhere; a slightly long line is the lesser harm).
 */
export function wholeLines(text: string, style: FontStyle, widthPt: number): string[] {
  const trimmed = text.replace(/\s+/g, " ").trim();
  if (fits(trimmed, style, widthPt)) return [trimmed];
  const words = trimmed.split(" ");
  if (words.length < 2) return [trimmed];

  const candidates: { at: number; preferred: boolean }[] = [];
  for (let at = 1; at < words.length; at++) {
    const rest = words.slice(at).join(" ").toLocaleLowerCase("vi");
    candidates.push({ at, preferred: UNIT_WORDS.some((unit) => rest === unit || rest.startsWith(`${unit} `)) });
  }
  const score = (at: number) => {
    const first = textWidthPt(words.slice(0, at).join(" "), style);
    const second = textWidthPt(words.slice(at).join(" "), style);
    return { fitsBoth: first <= widthPt && second <= widthPt, imbalance: Math.abs(first - second) };
  };
  const ranked = candidates
    .map((c) => ({ ...c, ...score(c.at) }))
    .sort(
      (a, b) =>
        Number(b.fitsBoth) - Number(a.fitsBoth) ||
        Number(b.preferred) - Number(a.preferred) ||
        a.imbalance - b.imbalance,
    );
  const best = ranked[0]!;
  const first = words.slice(0, best.at).join(" ");
  const second = words.slice(best.at).join(" ");
  return [...wholeLines(first, style, widthPt), ...wholeLines(second, style, widthPt)];
}
