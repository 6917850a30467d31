"use client";

import { useEffect, useRef } from "react";
import type { Narrative } from "./narrative-sections";

// Saving a report's narrative answers without re-rendering the page (report-actions.ts): the parts
// of the page that depend on what was saved (the sending form's version and its list of empty
// sections, an open preview) hear of it here, in the tab that saved it.

export type SavedDraft = { reportId: string; version: number; narrative: Narrative };

const EVENT = "kh:report-draft-saved";

export function announceDraftSaved(draft: SavedDraft): void {
  window.dispatchEvent(new CustomEvent<SavedDraft>(EVENT, { detail: draft }));
}

/** Calls `onSaved` whenever this report's draft is saved in this tab. */
export function useDraftSaved(reportId: string, onSaved: (draft: SavedDraft) => void): void {
  const latest = useRef(onSaved);
  useEffect(() => {
    latest.current = onSaved;
  });
  useEffect(() => {
    const listener = (event: Event) => {
      const draft = (event as CustomEvent<SavedDraft>).detail;
      if (draft.reportId === reportId) latest.current(draft);
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [reportId]);
}
