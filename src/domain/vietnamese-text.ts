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
