import { editDistance } from "./parse-labels";
import { fold } from "./text";

// The words OCR text is repaired with (ocr-repair.ts): every word of the texts given (the suggested
// parent plan, the Central documents, the plans already in the system), keyed by its folded form
// ("phoi" → "phối"), with the word before it as context ("thuc hien" → "thực hiện", "ty le" →
// "tỷ lệ"), plus the fixed words of every plan (comparators, labels, headings) so that a repair
// works even where the system holds nothing yet.

export type Vocabulary = {
  /** Folded word → its written forms (lower case) and how often each was seen. */
  words: Map<string, Map<string, number>>;
  /** "previous current" (both folded) → written forms of the current word. */
  pairs: Map<string, Map<string, number>>;
  /** Folded words by length, for the near matches (an edit or two away). */
  byLength: Map<number, string[]>;
};

/** Fixed words of plans: comparators, labels, headings, the signature block. */
export const FIXED_WORDS = [
  "dưới trên tối thiểu tối đa khoảng từ trở lên trở xuống đến không dưới không quá ít nhất đạt",
  "tỷ lệ tỷ lệ tỷ lệ số lượng chỉ tiêu mục tiêu phấn đấu bảo đảm đảm bảo cơ bản chấm dứt loại trừ",
  "Chương trình hành động Kế hoạch Nghị quyết Quyết định Chỉ thị Kết luận Hướng dẫn",
  "Thời gian thực hiện Thời gian hoàn thành Cơ quan chủ trì tham mưu Cơ quan phối hợp thực hiện",
  "Cơ quan chỉ đạo Cơ quan tham mưu thực hiện Đơn vị chủ trì Đơn vị phối hợp Tiến độ thực hiện",
  "Nơi nhận Như trên Lưu văn thư T/M BAN THƯỜNG VỤ KT. CHỦ TỊCH PHÓ CHỦ TỊCH BÍ THƯ PHÓ BÍ THƯ",
  "Ban Chấp hành Trung ương Đảng Đảng bộ Tỉnh ủy Thành ủy Huyện ủy Ủy ban nhân dân Hội đồng nhân dân",
  "MỤC ĐÍCH YÊU CẦU MỤC TIÊU NHIỆM VỤ GIẢI PHÁP TỔ CHỨC THỰC HIỆN KINH PHÍ năm quý tháng ngày",
  "người dân hộ gia đình xã phường thị trấn huyện tỉnh thành phố dự án nhà ở xã hội",
].join(" ");

const WORD = /\p{L}+/gu;

function add(map: Map<string, Map<string, number>>, key: string, form: string, weight: number) {
  let forms = map.get(key);
  if (!forms) map.set(key, (forms = new Map()));
  forms.set(form, (forms.get(form) ?? 0) + weight);
}

export function buildVocabulary(texts: readonly string[]): Vocabulary {
  const words = new Map<string, Map<string, number>>();
  const pairs = new Map<string, Map<string, number>>();
  const all = [...texts.map((t) => [t, 1] as const), [FIXED_WORDS, 3] as const];
  for (const [text, weight] of all) {
    for (const line of text.normalize("NFC").split("\n")) {
      let previous = "";
      // Words separated only by spaces are neighbours; punctuation breaks the context.
      for (const chunk of line.split(/[^\p{L}\s]+/u)) {
        previous = "";
        for (const m of chunk.matchAll(WORD)) {
          const form = m[0].toLocaleLowerCase("vi");
          const key = fold(form);
          add(words, key, form, weight);
          if (previous) add(pairs, `${previous} ${key}`, form, weight);
          previous = key;
        }
      }
    }
  }
  const byLength = new Map<number, string[]>();
  for (const key of words.keys()) {
    const list = byLength.get(key.length) ?? [];
    list.push(key);
    byLength.set(key.length, list);
  }
  return { words, pairs, byLength };
}

function best(forms: Map<string, number> | undefined): string | null {
  if (!forms) return null;
  let out: string | null = null;
  let count = 0;
  for (const [form, n] of forms) if (n > count || (n === count && out !== null && form < out)) [out, count] = [form, n];
  return out;
}

/** The written form of a folded word, preferring what follows the word before it; null when unknown. */
export function lookUp(vocabulary: Vocabulary, key: string, previousKey: string): string | null {
  return (previousKey ? best(vocabulary.pairs.get(`${previousKey} ${key}`)) : null) ?? best(vocabulary.words.get(key));
}

/**
 * A known word one edit away (two for long words), the most frequent in the context first; null
 * when none or when two equally likely words differ (a guess would be a coin toss).
 */
export function nearestWord(vocabulary: Vocabulary, key: string, previousKey: string): string | null {
  if (key.length < 4) return null;
  const tolerance = key.length >= 8 ? 2 : 1;
  let found: { key: string; score: number } | null = null;
  let tie = false;
  for (let length = key.length - tolerance; length <= key.length + tolerance; length++) {
    for (const candidate of vocabulary.byLength.get(length) ?? []) {
      if (candidate[0] !== key[0] && key.length < 6 && !/^[pd]/.test(key)) continue;
      const distance = editDistance(key, candidate, tolerance);
      if (distance > tolerance) continue;
      const inContext = previousKey ? (vocabulary.pairs.has(`${previousKey} ${candidate}`) ? 1000 : 0) : 0;
      const frequency = [...(vocabulary.words.get(candidate)?.values() ?? [])].reduce((a, b) => a + b, 0);
      const score = inContext + frequency - distance * 100;
      if (!found || score > found.score) {
        tie = false;
        found = { key: candidate, score };
      } else if (score === found.score) tie = true;
    }
  }
  if (!found || tie) return null;
  return lookUp(vocabulary, found.key, previousKey);
}
