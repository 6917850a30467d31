/**
 * How an indicator is assessed, said in words, and what in its definition contradicts itself.
 *
 * The status (indicator-status.ts) is computed from the targets as written: a one-sided target sets
 * the way to go ("3,5% trở lên" is reached from below, "dưới 4%" from above) whatever direction the
 * indicator is marked with, since the target is what the document says; a two-sided target (a value,
 * a range, "khoảng …") takes the marked direction. A qualitative direction or target leaves the
 * status to the person entering results. `assessment()` states that rule for one indicator, so the
 * pages can show it, and `contradictions()` lists what the editor warns about: a direction the
 * targets contradict, milestones that go the other way, numbers under a qualitative direction.
 *
 * `readTarget()` is parseTarget with the indicator around it: free text is a qualitative target only
 * where the unit is not a measure, or the user chose the qualitative direction; under "%" or "người",
 * "abc" is a typing error, not a goal.
 */

import { formatVietnameseNumber } from "./decimal";
import { parseTarget, type Direction, type Target, type TargetParseResult } from "./target-notation";
import { normalizeName } from "./vietnamese-text";

/** The way the status is computed: up towards a floor, down towards a ceiling, into a band, or chosen by the user. */
export type Way = "UP" | "DOWN" | "BAND" | "CHOSEN";

export interface Milestone {
  year: number;
  target: Target;
}

export interface Assessment {
  way: Way;
  /** "càng cao càng tốt", as a short label with its arrow. */
  label: string;
  /** Why this way: the direction chosen, or the target that decides against it. */
  reason: string;
  /** Whether the way differs from the direction the indicator is marked with. */
  overridden: boolean;
}

const WAY_LABELS: Record<Way, string> = {
  UP: "↑ càng cao càng tốt",
  DOWN: "↓ càng thấp càng tốt",
  BAND: "↔ trong khoảng",
  CHOSEN: "định tính: người nhập kết quả tự đánh giá",
};

const DIRECTION_WORDS: Record<Direction, string> = {
  HIGHER_BETTER: "Càng cao càng tốt",
  LOWER_BETTER: "Càng thấp càng tốt",
  WITHIN_RANGE: "Trong khoảng",
  QUALITATIVE: "Định tính",
};

const DIRECTION_WAY: Record<Direction, Way> = {
  HIGHER_BETTER: "UP",
  LOWER_BETTER: "DOWN",
  WITHIN_RANGE: "BAND",
  QUALITATIVE: "CHOSEN",
};

/** The way one target asks to go, under a direction: a one-sided target decides; otherwise the direction. */
export function targetWay(target: Target, direction: Direction): Way | null {
  if (direction === "QUALITATIVE" || target.kind === "QUALITATIVE") return "CHOSEN";
  switch (target.kind) {
    case "ABOVE":
    case "AT_LEAST":
      return "UP";
    case "BELOW":
    case "AT_MOST":
      return "DOWN";
    case "NONE":
      return null;
    default:
      return DIRECTION_WAY[direction];
  }
}

function stated(milestones: readonly Milestone[]): Milestone[] {
  return milestones.filter((m) => m.target.kind !== "NONE").sort((a, b) => a.year - b.year);
}

const ONE_SIDED = new Set<Target["kind"]>(["ABOVE", "AT_LEAST", "BELOW", "AT_MOST"]);
const quoted = (m: Milestone) => `“${m.target.text.trim()}” (${m.year})`;

/**
 * The rule the status follows for this indicator, in words. With several milestones the last one
 * that says something decides the label (the status of a year uses the milestone that year points
 * to; they agree unless the indicator also contradicts itself, which contradictions() reports).
 */
export function assessment(direction: Direction, milestones: readonly Milestone[]): Assessment {
  const said = stated(milestones);
  const chosenWay = DIRECTION_WAY[direction];
  const deciding = [...said].reverse().find((m) => targetWay(m.target, direction) !== null);
  const way = deciding ? targetWay(deciding.target, direction)! : chosenWay;
  const overridden = way !== chosenWay;
  let reason: string;
  if (way === "CHOSEN")
    reason =
      direction === "QUALITATIVE"
        ? "Chiều đánh giá “Định tính” đã chọn: trạng thái do người nhập kết quả chọn."
        : `Mục tiêu ${quoted(deciding!)} viết bằng lời: trạng thái do người nhập kết quả chọn.`;
  else if (overridden && deciding)
    reason = `Theo mục tiêu ${quoted(deciding)}, dù chiều đánh giá đã chọn là “${DIRECTION_WORDS[direction]}”.`;
  else if (deciding && ONE_SIDED.has(deciding.target.kind))
    reason = `Theo mục tiêu ${quoted(deciding)} và chiều đánh giá đã chọn.`;
  else reason = `Theo chiều đánh giá đã chọn (“${DIRECTION_WORDS[direction]}”).`;
  return { way, label: WAY_LABELS[way], reason, overridden };
}

function representative(target: Target): number | null {
  if (target.kind === "RANGE" && target.lower !== null && target.upper !== null)
    return (target.lower + target.upper) / 2;
  return target.lower ?? target.upper;
}

/** What in an indicator's definition contradicts itself, one sentence each (empty when nothing does). */
export function contradictions(direction: Direction, milestones: readonly Milestone[]): string[] {
  const said = stated(milestones);
  const found: string[] = [];
  const numeric = said.filter((m) => m.target.kind !== "QUALITATIVE");
  if (direction === "QUALITATIVE") {
    if (numeric.length)
      found.push(
        `Chiều “Định tính” bỏ qua con số của mục tiêu ${numeric.map(quoted).join(", ")}: trạng thái sẽ do người nhập kết quả chọn. Chọn chiều khác để tính theo số.`,
      );
    return found;
  }
  for (const m of numeric) {
    const way = targetWay(m.target, direction);
    const chosen = DIRECTION_WAY[direction];
    if (way === null || way === chosen) continue;
    if (direction === "WITHIN_RANGE")
      found.push(
        `Chiều “Trong khoảng” cần mục tiêu là một khoảng hoặc một giá trị, nhưng ${quoted(m)} chỉ có một đầu: trạng thái tính theo mục tiêu (${WAY_LABELS[way]}).`,
      );
    else
      found.push(
        `Mục tiêu ${quoted(m)} đòi ${way === "UP" ? "đạt từ mức đó trở lên" : "giữ dưới mức đó"}, trái với chiều “${DIRECTION_WORDS[direction]}”: trạng thái tính theo mục tiêu (${WAY_LABELS[way]}). Hãy sửa chiều đánh giá hoặc mục tiêu.`,
      );
  }
  // Milestones that go the other way: "85" in 2025 then "80" in 2030 on a higher-is-better indicator.
  for (let i = 1; i < numeric.length; i++) {
    const [a, b] = [numeric[i - 1]!, numeric[i]!];
    const [va, vb] = [representative(a.target), representative(b.target)];
    if (va === null || vb === null || va === vb) continue;
    if (direction === "HIGHER_BETTER" && vb < va)
      found.push(
        `Mục tiêu ${b.year} (${formatVietnameseNumber(vb)}) thấp hơn mục tiêu ${a.year} (${formatVietnameseNumber(va)}), trái với chiều “Càng cao càng tốt”.`,
      );
    if (direction === "LOWER_BETTER" && vb > va)
      found.push(
        `Mục tiêu ${b.year} (${formatVietnameseNumber(vb)}) cao hơn mục tiêu ${a.year} (${formatVietnameseNumber(va)}), trái với chiều “Càng thấp càng tốt”.`,
      );
  }
  return found;
}

// Units that name a kind of answer, not a quantity ("Mức độ": "Đảm bảo vững"; "Bậc học": "THCS").
const WORDED_UNITS = new Set(["muc do", "muc", "bac hoc", "bac", "dinh tinh", "trinh do", "cap do", "-"]);

/** Whether a unit measures a quantity ("%", "người", "giường/10.000 dân"), so its targets are numbers. */
export function isNumericUnit(unit: string | null | undefined): boolean {
  const key = normalizeName(unit ?? "").trim();
  return key !== "" && !WORDED_UNITS.has(key);
}

/**
 * A target read for its indicator: as parseTarget, except that words are a qualitative target only
 * when the unit is not a measure or the direction is "Định tính", the user's explicit choice.
 */
export function readTarget(
  text: string,
  indicator: { unit?: string | null; direction?: Direction | null },
): TargetParseResult {
  const parsed = parseTarget(text);
  if (!parsed.ok || parsed.target.kind !== "QUALITATIVE") return parsed;
  if (indicator.direction === "QUALITATIVE" || !isNumericUnit(indicator.unit)) return parsed;
  return {
    ok: false,
    error: `“${text.trim()}” không phải là số: chỉ tiêu tính bằng “${(indicator.unit ?? "").trim()}” cần mục tiêu bằng số (ví dụ 95%, dưới 4%, 2-2,5). Nếu đây là mục tiêu định tính, chọn “Định tính” cho chỉ tiêu này.`,
  };
}
