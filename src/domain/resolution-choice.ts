// Which resolution (the Central document at the top of a cascade, plans.resolutionId) a screen shows
// when a body carries plans of several at once (issue 18, ADR 0033). Pure: the screens' queries count
// the plans, these rules pick one and word it.

export type ResolutionChoice = {
  /** The document at the top of the cascade (plans.resolutionId). */
  id: string;
  /** Its number as written ("42-NQ/TW"). */
  number: string;
  title: string;
  /** How many plans of the cascade the body has to follow on this screen (its own and those implementing them). */
  plans: number;
  /** Its date of issue (ISO day), null when unknown: the later one first on equal counts. */
  issuedOn: string | null;
};

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Most plans first; on equal counts the most recent, then by number, then by id (a stable order). */
export function sortChoices<T extends ResolutionChoice>(choices: readonly T[]): T[] {
  return [...choices].sort(
    (a, b) =>
      b.plans - a.plans ||
      (b.issuedOn ?? "").localeCompare(a.issuedOn ?? "") ||
      collator.compare(a.number, b.number) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The resolution shown: the one asked for (from the URL) when it is among the choices, else the one
 * with most plans; null when there is none. An id the user may not see, or of no cascade of theirs, is
 * treated as not asked (never an error, never a hint that it exists).
 */
export function chooseResolution<T extends ResolutionChoice>(choices: readonly T[], asked: string | null): T | null {
  if (asked) {
    const found = choices.find((c) => c.id === asked);
    if (found) return found;
  }
  return sortChoices(choices)[0] ?? null;
}

/** Titles longer than this are cut at a word for the picker (the whole title is its tooltip). */
export const SHORT_TITLE_LENGTH = 60;

/**
 * The first words of a title, at most `length` characters, with "…" when cut. Kept as written (a
 * title may begin with a place name, so its first letter is not lowered).
 */
export function shortTitle(title: string, length = SHORT_TITLE_LENGTH): string {
  const text = title.replace(/\s+/g, " ").trim();
  if (text.length <= length) return text;
  const cut = text.slice(0, length + 1);
  const space = cut.lastIndexOf(" ");
  const head = (space > length / 2 ? cut.slice(0, space) : text.slice(0, length)).replace(/[\s,;:.–-]+$/, "");
  return `${head}…`;
}

/** "42-NQ/TW — tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội…": how the picker names a resolution. */
export function resolutionLabel(choice: Pick<ResolutionChoice, "number" | "title">): string {
  const title = shortTitle(choice.title);
  return title ? `${choice.number} — ${title}` : choice.number;
}
