"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { matchesQuery, normalizeName } from "@/domain/vietnamese-text";
import { FieldMessage } from "@/ui/field-message";
import { inputStyle } from "@/ui/input-style";

/**
 * Agencies as chips with type-ahead over the locality's directory: "phong lao dong" finds
 * "Phòng Lao động - TBXH"; a name not in the directory is added on the spot (the server files it
 * under its normalised name, so case and spacing variants do not become new agencies).
 */
export function AgencyPicker({
  name,
  label,
  initial,
  directory,
  error,
  onChange,
}: {
  name: string;
  label: string;
  initial: string[];
  directory: string[];
  error?: string;
  /** Called after the list changes (its hidden input changes without an input event). */
  onChange?: () => void;
}) {
  const [chosen, setChosen] = useState<string[]>(initial);
  const first = useRef(true);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    onChangeRef.current?.();
  }, [chosen]);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const suggestions = useMemo(() => {
    if (!query.trim()) return [];
    const taken = new Set(chosen.map(normalizeName));
    return directory.filter((d) => !taken.has(normalizeName(d)) && matchesQuery(d, query)).slice(0, 8);
  }, [query, directory, chosen]);
  const exact = directory.find((d) => normalizeName(d) === normalizeName(query));

  const add = (value: string) => {
    const clean = value.trim();
    if (!clean || chosen.some((c) => normalizeName(c) === normalizeName(clean))) return;
    setChosen([...chosen, clean]);
    setQuery("");
    setActive(0);
  };

  return (
    <div className="text-sm">
      <span className="font-semibold">{label}</span>
      <input type="hidden" name={name} value={JSON.stringify(chosen)} />
      <div className="mt-1 flex flex-wrap gap-1">
        {chosen.map((agency) => (
          <span key={agency} className="inline-flex items-center gap-1 rounded bg-stone-100 px-2 py-0.5">
            {agency}
            <button
              type="button"
              aria-label={`Bỏ ${agency}`}
              className="text-stone-500 hover:text-red-700"
              onClick={() => setChosen(chosen.filter((c) => c !== agency))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <div className="relative">
        <input
          aria-label={`Thêm cơ quan ${label.toLowerCase()}`}
          role="combobox"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setActive(Math.min(active + 1, suggestions.length - 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive(Math.max(active - 1, 0));
            } else if (e.key === "Enter") {
              e.preventDefault();
              add(suggestions[active] ?? exact ?? query);
            }
          }}
          placeholder="Gõ tên cơ quan, Enter để thêm"
          aria-invalid={Boolean(error)}
          className={inputStyle.field}
        />
        {suggestions.length > 0 || (query.trim() && !exact) ? (
          <ul
            id={listId}
            role="listbox"
            className="absolute z-10 mt-1 max-h-60 w-full overflow-auto rounded border border-stone-300 bg-white shadow"
          >
            {suggestions.map((s, i) => (
              <li
                key={s}
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer px-2 py-1 ${i === active ? "bg-brand-50" : ""}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  add(s);
                }}
              >
                {s}
              </li>
            ))}
            {query.trim() && !exact ? (
              <li
                role="option"
                aria-selected={suggestions.length === 0}
                className="cursor-pointer px-2 py-1 text-stone-600"
                onMouseDown={(e) => {
                  e.preventDefault();
                  add(query);
                }}
              >
                Thêm mới: “{query.trim()}”
              </li>
            ) : null}
          </ul>
        ) : null}
      </div>
      <FieldMessage message={error} />
    </div>
  );
}
