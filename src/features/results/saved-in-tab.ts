// What this browser tab saved last, by form and row. Saving results does not re-render the results
// page: the grid and the task form update from the action's answer, and the re-render doubled the
// cost of every save at the 15/12 peak (docs/performance.md). So a page the router restores from its
// cache (the Back button) may carry rows older than what was saved here; of the two, the one with
// the higher version is shown, and the next save sends that version (ADR 0009: a row changed
// meanwhile by someone else is still refused, never overwritten).

type Versioned = { version: number | null } | null;

const savedInTab = new Map<string, Map<string, Versioned>>();

/** Records rows just saved in `form` (e.g. "actuals:<plan>:<year>"). */
export function rememberSaved(form: string, rows: Record<string, Versioned>): void {
  let kept = savedInTab.get(form);
  if (!kept) savedInTab.set(form, (kept = new Map()));
  for (const [id, row] of Object.entries(rows)) {
    const before = kept.get(id);
    if (!before || versionOf(row) >= versionOf(before)) kept.set(id, row);
  }
}

/** The row to show: the page's, unless this tab saved a newer one. */
export function newestSaved<T extends Versioned>(form: string, id: string, fromPage: T): T {
  const kept = savedInTab.get(form)?.get(id) as T | undefined;
  return kept !== undefined && versionOf(kept) > versionOf(fromPage) ? kept : fromPage;
}

const versionOf = (row: Versioned) => row?.version ?? -1;

/** Forgets everything (tests). */
export function forgetSaved(): void {
  savedInTab.clear();
}
