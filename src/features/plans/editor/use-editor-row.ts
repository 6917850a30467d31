"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { rowKey, useEditorChanges, type RowKind } from "./editor-changes";

/** The values of a row's form, as strings (files are never part of a row). */
function valuesOf(form: HTMLFormElement | null): Record<string, string> {
  if (!form) return {};
  return Object.fromEntries(
    [...new FormData(form).entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/**
 * One editable row (a task or an indicator) of the draft editor, joined to the editor's one save:
 * it reports when its fields differ from what was saved (`fields`, compared on every change,
 * agencies and other controls that change without an input event call `changed()`), gives the save
 * its values with the newest version seen, and learns the new version once saved.
 */
export function useEditorRow({
  kind,
  id,
  label,
  version,
  saved: savedValues,
  fields,
  startsDirty = false,
  onSaved,
}: {
  kind: RowKind;
  id: string;
  label: string;
  version: number;
  /** What the server has for the row's fields. */
  saved: Record<string, string>;
  /** The fields that make a change (not the ids and version). */
  fields: readonly string[];
  /** Whether the row starts with unsaved text (restored from the browser's backup). */
  startsDirty?: boolean;
  onSaved?: () => void;
}) {
  const changes = useEditorChanges();
  const key = rowKey(kind, id);
  const form = useRef<HTMLFormElement>(null);
  // The page refreshes after every save (here or elsewhere): the newest version seen.
  const [savedVersion, setSavedVersion] = useState(0);
  const current = Math.max(version, savedVersion);
  const versionRef = useRef(current);
  useEffect(() => {
    versionRef.current = current;
  }, [current]);
  const baseline = useRef(savedValues);
  const [dirty, setDirtyState] = useState(startsDirty);
  const [justSaved, setJustSaved] = useState(false);

  const differs = useCallback(() => {
    const now = valuesOf(form.current);
    return fields.some((field) => (now[field] ?? "").trim() !== (baseline.current[field] ?? "").trim());
  }, [fields]);

  /** After any change: whether the row now differs from what was saved (and tell the editor). */
  const changed = useCallback(() => {
    const isDirty = differs();
    setDirtyState(isDirty);
    if (isDirty) setJustSaved(false);
    changes?.setDirty(key, isDirty);
    return isDirty;
  }, [differs, changes, key]);

  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  });
  useEffect(() => {
    if (!changes) return;
    const unregister = changes.register(key, {
      kind,
      id,
      label,
      read: () => ({ ...valuesOf(form.current), version: String(versionRef.current) }),
      saved: (newVersion) => {
        setSavedVersion(newVersion);
        baseline.current = valuesOf(form.current);
        setDirtyState(false);
        setJustSaved(true);
        changes.setDirty(key, false);
        onSavedRef.current?.();
      },
    });
    // A row that starts with a restored backup starts changed.
    if (startsDirty) changes.setDirty(key, true);
    return unregister;
    // Registered once per row; the handle reads refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return {
    form,
    version: current,
    dirty,
    justSaved,
    errors: changes?.errorsOf(key) ?? {},
    changed,
    /** For the row's <form>: rows are never submitted, the editor's bar saves them. */
    formProps: {
      ref: form,
      id: `row-${key}`,
      onSubmit: (event: React.FormEvent) => event.preventDefault(),
    },
  };
}
