import { looksLikeLostDiacritics } from "./parse-document";
import { lookUp, nearestWord, type Vocabulary } from "./ocr-vocabulary";
import { fold } from "./text";

// Repairing OCR text before it is read (issue 17 part 3, ADR 0030). Pure: the text and a
// vocabulary in, the repaired text and the list of repairs out; the same input always gives the
// same repairs, numbered in order, so that the review screen can send back which ones the user
// turned off and get the same text without them.
//
// - Digits and symbols glued to letters are OCR letters, never numbers: "1€" → "lệ", "C0" → "Cơ".
// - Words without their marks, or with wrong ones, are restored from the vocabulary, the word
//   before them deciding between forms ("ty le" → "tỷ lệ"); an unknown word takes the known word
//   an edit away ("Pang" → "Đảng", "tharn" → "tham", only when one such word is clearly likelier).
// - Numbers are numbers only as whole tokens. A year with an extra digit ("20630") or a group of
//   four digits after a thousands point ("10.0000") is repaired as best it can be and marked
//   doubtful: the item read from it is shown as to be checked.
// - Two columns merged on one line ("Nơi nhận: … T/M BAN THƯỜNG VỤ") are split at the right
//   column's phrases.

export type RepairKind = "split" | "letters" | "word" | "number";

export type Repair = {
  id: number;
  kind: RepairKind;
  /** Line of the repaired text (from 1) where the repair is. */
  line: number;
  original: string;
  replacement: string;
  /** A guess the reviewer must check: what is read from it is marked. */
  doubtful: boolean;
  /** False when the user turned it off: listed, not applied. */
  applied: boolean;
};

export type RepairResult = { text: string; repairs: Repair[] };

const RIGHT_COLUMN = /\s+(?=(?:T\/M|TM\.|KT\.|TL\.|Q\.)\s*\p{Lu})/u;
const GLUED = /^[\p{L}01€|]+$/u;

/** Whether text reads like OCR output: lost diacritics, or letters read as digits in several words. */
export function looksLikeOcr(text: string): boolean {
  if (looksLikeLostDiacritics(text)) return true;
  const glued = text.match(/(?<![\d/-])(?:\p{L}+[01€]+\p{L}*|[01€]+\p{L}+|[01]€)(?![\d/-])/gu) ?? [];
  return glued.filter((t) => !/^\p{Lu}+\d$/u.test(t)).length >= 5;
}

function withCase(form: string, like: string): string {
  const letters = like.replace(/[^\p{L}]/gu, "");
  if (letters.length > 1 && letters === letters.toLocaleUpperCase("vi")) return form.toLocaleUpperCase("vi");
  if (/^\p{Lu}/u.test(like)) return form[0]!.toLocaleUpperCase("vi") + form.slice(1);
  return form;
}

/** Years of the text, most frequent first: a misread year is repaired to one of them. */
function knownYears(text: string): string[] {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(?<!\d)(?:19|20)\d\d(?!\d)/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([y]) => y);
}

type Found = { kind: RepairKind; replacement: string; doubtful: boolean };

function repairNumber(token: string, years: string[]): Found | null {
  if (/^(?:19|20)\d{3}$/.test(token)) {
    const options = [...new Set([0, 1, 2, 3, 4].map((i) => token.slice(0, i) + token.slice(i + 1)))].filter((y) =>
      /^(?:19|20)\d\d$/.test(y),
    );
    const known = years.find((y) => options.includes(y));
    return { kind: "number", replacement: known ?? options[0] ?? token, doubtful: true };
  }
  const groups = /^(\d{1,3})((?:\.\d{3,4})+)$/.exec(token);
  if (groups && /\.\d{4}/.test(groups[2]!))
    return { kind: "number", replacement: token.replace(/\.(\d{3})\d(?=\.|$)/g, ".$1"), doubtful: true };
  return null;
}

function letterVariants(token: string): string[] {
  // "1" is "l" or "i"; try both where there are few, so that the vocabulary can choose.
  let variants = [token.toLocaleLowerCase("vi").replace(/0/g, "o").replace(/[€]/g, "e").replace(/\|/g, "l")];
  for (let i = 0; i < 3 && variants.some((v) => v.includes("1")); i++)
    variants = variants.flatMap((v) => (v.includes("1") ? [v.replace("1", "l"), v.replace("1", "i")] : [v]));
  return variants.map((v) => v.replace(/1/g, "l"));
}

function repairWord(core: string, previousKey: string, vocabulary: Vocabulary): Found | null {
  // "€" is an "e" OCR misread: "1€" is a word of letters ("lệ"), not a number and a currency.
  const hasLetter = /[\p{L}€]/u.test(core);
  const glued = hasLetter && /[01€|]/.test(core) && GLUED.test(core);
  if (glued) {
    for (const variant of letterVariants(core)) {
      const form =
        lookUp(vocabulary, fold(variant), previousKey) ?? nearestWord(vocabulary, fold(variant), previousKey);
      if (form) return { kind: "letters", replacement: withCase(form, core), doubtful: false };
    }
    return { kind: "letters", replacement: withCase(letterVariants(core)[0]!, core), doubtful: true };
  }
  if (!/^\p{L}+$/u.test(core)) return null;
  const lower = core.toLocaleLowerCase("vi");
  let key = fold(core);
  const known = vocabulary.words.get(key);
  if (known?.has(lower) && lower !== key) return null; // already written with its marks, as known
  let form = lookUp(vocabulary, key, previousKey);
  if (!form && key.includes("rn")) {
    key = key.replace(/rn/g, "m");
    form = lookUp(vocabulary, key, previousKey);
  }
  form ??= nearestWord(vocabulary, key, previousKey);
  if (!form || form === lower) return null;
  // An all-capital abbreviation the vocabulary knows only in lower case ("UBND") stays as written.
  if (core.length <= 5 && core === core.toLocaleUpperCase("vi") && fold(form) !== key) return null;
  return { kind: "word", replacement: withCase(form, core), doubtful: false };
}

/**
 * The text repaired with the vocabulary. `disabled` holds the ids of repairs the user turned off:
 * they are listed (so they can be turned on again) but not applied.
 */
export function repairOcrText(
  text: string,
  vocabulary: Vocabulary,
  disabled: ReadonlySet<number> = new Set(),
  options: {
    /**
     * A scan read by Tesseract's Vietnamese model: its words come with their marks, and a word it
     * was sure of is kept as read (a word the vocabulary happens not to know, "kênh", is not made
     * the known word an edit away, "kinh"). Only the words it doubted are repaired as words.
     */
    doubted?: ReadonlySet<string>;
  } = {},
): RepairResult {
  const repairs: Repair[] = [];
  const years = knownYears(text);
  const out: string[] = [];
  const note = (found: Found, original: string, line: number) => {
    const id = repairs.length + 1;
    const applied = !disabled.has(id);
    repairs.push({
      id,
      kind: found.kind,
      line,
      original,
      replacement: found.replacement,
      doubtful: found.doubtful,
      applied,
    });
    return applied;
  };
  for (const raw of text.normalize("NFC").split("\n")) {
    // The pieces are read apart even when the user turned the split off, so that the repairs found
    // (and their ids) do not depend on which ones are applied.
    const split = RIGHT_COLUMN.exec(raw);
    const cut = split && split.index > 0 && raw.slice(0, split.index).trim() ? split : null;
    const pieces = cut ? [raw.slice(0, cut.index), raw.slice(cut.index + cut[0].length)] : [raw];
    const splitApplied = cut
      ? note(
          { kind: "split", replacement: `${pieces[0]!.trim()} ⏎ ${pieces[1]!.trim()}`, doubtful: false },
          raw.trim(),
          out.length + 1,
        )
      : false;
    const repairedPieces = pieces.map((piece, p) => {
      const line = out.length + 1 + (splitApplied ? p : 0);
      let previousKey = "";
      // "/" separates words too ("san/nguoi"); Markdown's "**" and "_" are punctuation here.
      return piece.replace(/[^\s/]+/g, (token) => {
        const m = /^([("“'[*_]*)(.*?)([)"”'\].,;:!?*_]*)$/u.exec(token)!;
        const [, lead, core, trail] = m;
        if (!core) return token;
        const sure = options.doubted !== undefined && !options.doubted.has(core) && !options.doubted.has(token);
        const found = /^\d[\d.,]*$/.test(core)
          ? repairNumber(core, years)
          : (repairWord(core, previousKey, vocabulary) ?? null);
        if (found?.kind === "word" && sure) return token;
        const key = fold(found && found.kind !== "number" ? found.replacement : core);
        const keep = !found || !note(found, core, line);
        // Punctuation breaks the context, as when the vocabulary was built.
        previousKey = /^\p{L}+$/u.test(key) && !trail ? key : "";
        return keep ? token : `${lead}${found.replacement}${trail}`;
      });
    });
    if (splitApplied) out.push(repairedPieces[0]!.trimEnd(), repairedPieces[1]!);
    else out.push(repairedPieces.join(cut ? cut[0] : ""));
  }
  return { text: out.join("\n"), repairs };
}
