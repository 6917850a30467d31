/**
 * Text helpers for matching Vietnamese names typed by different people: the same agency appears
 * as "Phòng Văn hoá và Thông tin" and "Phòng Văn hóa  và thông tin" (old and new tone placement,
 * different case, double spaces), and "Lao động - TBXH" with a hyphen, an en dash or none.
 */

// Every dash-like character seen in documents converted from Word or PDF.
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const EDGE_PUNCTUATION = /^[\s.,;:!?'"“”‘’()[\]{}…*_/\\-]+|[\s.,;:!?'"“”‘’()[\]{}…*_/\\-]+$/gu;

/** "Đắk Lắk" → "Dak Lak". Keeps case; works on decomposed (NFD) input too. */
export function stripDiacritics(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

/** Replaces en/em dashes, minus signs and similar with "-". */
export function unifyDashes(s: string): string {
  return s.replace(DASHES, "-");
}

/**
 * A comparison key for names: lower case, no diacritics, single spaces, " - " around dashes,
 * no punctuation at either end. Dropping diacritics entirely is what makes "hoá" and "hóa" equal;
 * the price (e.g. "Phòng" and "Phong" share a key) is acceptable for a matching key, never show it.
 */
export function normalizeName(s: string): string {
  return stripDiacritics(unifyDashes(s.normalize("NFC")))
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s*-\s*/g, " - ")
    .replace(EDGE_PUNCTUATION, "")
    .trim();
}

function words(normalized: string): string[] {
  return normalized.split(/[\s\-,;:.()/]+/).filter((w) => w !== "");
}

/**
 * Type-ahead matching: every word of the query must begin some word of the text, in any order,
 * ignoring case and diacritics. "phong lao dong" finds "Phòng Lao động - TBXH"; "tbxh" finds it
 * too; an empty query matches everything so the full list shows before the user types.
 */
export function matchesQuery(text: string, query: string): boolean {
  const queryWords = words(normalizeName(query));
  if (queryWords.length === 0) return true;
  const textWords = words(normalizeName(text));
  return queryWords.every((q) => textWords.some((w) => w.startsWith(q)));
}

// Characters that separate words in a search text: white space (JavaScript's \s, spelled out so that
// the SQL twin matches it character for character), brackets, quotes and punctuation between words.
// Kept inside words: . - / % _ and digits, so "54-KH/TXU", "42-NQ/TW." and "100%" stay one word.
const SEARCH_SEPARATORS =
  /[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff()[\]{}"\u201c\u201d\u2018\u2019'\u00ab\u00bb,;:!?\u2026]+/g;

/**
 * The text a search compares: no diacritics (đ → d), one kind of dash, lower case, words separated
 * by single spaces, a space in front (so " moc" finds a word that starts with "moc"). The SQL twin is
 * app_search_text() (migration plan_search_text), which writes plans.searchText; both must do the
 * same steps, and tests/integration/plan-search.test.ts compares them.
 */
export function searchText(s: string): string {
  const bare = s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u0111\u0110\u00f0\u00d0]/g, "d");
  return ` ${unifyDashes(bare).toLowerCase().replace(SEARCH_SEPARATORS, " ").trim()}`;
}

/** The words of a query, each to be found at the start of a word of the search text (at most 8). */
export function searchTerms(query: string): string[] {
  return searchText(query.replace(/\u0000/g, ""))
    .split(" ")
    .filter(Boolean)
    .slice(0, 8);
}
