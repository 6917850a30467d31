"use client";

import { useEffect, useId, useRef, useState } from "react";
import { FieldMessage } from "./field-message";
import { inputStyle } from "./input-style";

// A type-ahead picker whose choices come from the server (a route handler that checks the permission
// and the scope): for lists too long to send to the browser, such as the 32,900 organisations. Each
// choice says where it is, since names repeat ("UBND huyện"). The chosen id goes in a hidden input
// named `name`, and its label in `${name}Label`, so a refused form (which sends both back) shows the
// same choice again.

export type Choice = { id: string; name: string; place: string; ended?: boolean };

export const choiceLabel = (choice: Pick<Choice, "name" | "place">) => `${choice.name} — ${choice.place}`;

export function RemotePicker({
  name,
  label,
  endpoint,
  initial,
  error,
  placeholder = "Gõ tên hoặc địa bàn, không cần dấu",
  hint,
  allowEmpty = false,
  sendLabel = true,
  onChoose,
  className,
}: {
  name: string;
  label: string;
  /** The route handler; `q` is added to it. */
  endpoint: string;
  initial: { id: string; label: string } | null;
  error?: string;
  placeholder?: string;
  hint?: string;
  /** Whether clearing the text clears the choice (a filter); otherwise the last choice stays. */
  allowEmpty?: boolean;
  /** Whether the label goes with the form (forms of actions, to show it again after a refusal; not filters). */
  sendLabel?: boolean;
  onChoose?: (choice: { id: string; label: string } | null) => void;
  className?: string;
}) {
  const [chosen, setChosen] = useState(initial);
  const [text, setText] = useState(initial?.label ?? "");
  const [choices, setChoices] = useState<Choice[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const errorId = useId();
  const request = useRef<AbortController | null>(null);

  // Ask the server a moment after typing stops; an answer to an older query is dropped.
  useEffect(() => {
    if (!open) return;
    const query = text.trim();
    const timer = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      setState("loading");
      try {
        const url = `${endpoint}${endpoint.includes("?") ? "&" : "?"}q=${encodeURIComponent(query)}`;
        const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { choices: Choice[] };
        setChoices(body.choices);
        setActive(0);
        setState("idle");
      } catch (e) {
        if ((e as Error).name !== "AbortError") setState("failed");
      }
    }, 200);
    return () => clearTimeout(timer);
  }, [text, open, endpoint]);

  const choose = (choice: Choice) => {
    const picked = { id: choice.id, label: choiceLabel(choice) };
    setChosen(picked);
    setText(picked.label);
    setOpen(false);
    onChoose?.(picked);
  };

  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`text-sm ${className ?? ""}`}>
      <label htmlFor={inputId} className="block font-semibold">
        {label}
      </label>
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      {sendLabel ? <input type="hidden" name={`${name}Label`} value={chosen?.label ?? ""} /> : null}
      <div className="relative">
        <input
          id={inputId}
          role="combobox"
          aria-expanded={open && choices.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && choices[active] ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          value={text}
          placeholder={placeholder}
          className={inputStyle.field}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            // Leaving the box keeps the last choice on screen, or none for a filter that was cleared.
            if (allowEmpty && text.trim() === "") {
              setChosen(null);
              onChoose?.(null);
            } else setText(chosen?.label ?? "");
          }}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setOpen(true);
              setActive((i) => Math.min(i + 1, choices.length - 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((i) => Math.max(i - 1, 0));
            } else if (e.key === "Enter" && open && choices[active]) {
              e.preventDefault();
              choose(choices[active]);
            } else if (e.key === "Escape") {
              setOpen(false);
              setText(chosen?.label ?? "");
            }
          }}
        />
        {open ? (
          <ul
            id={listId}
            role="listbox"
            className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-stone-300 bg-white shadow"
          >
            {choices.map((choice, i) => (
              <li
                key={choice.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer px-2 py-1 ${i === active ? "bg-brand-50" : ""}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(choice);
                }}
              >
                <span className="font-semibold">{choice.name}</span>
                <span className="block text-xs text-stone-600">
                  {choice.place}
                  {choice.ended ? " · đã kết thúc hoạt động" : ""}
                </span>
              </li>
            ))}
            {state === "loading" && choices.length === 0 ? (
              <li className="px-2 py-1 text-stone-500">Đang tìm…</li>
            ) : null}
            {state === "idle" && choices.length === 0 ? (
              <li className="px-2 py-1 text-stone-500">Không tìm thấy; hãy gõ tên khác hoặc tên địa bàn.</li>
            ) : null}
            {state === "failed" ? (
              <li className="px-2 py-1 text-red-700">Không tải được danh sách; hãy thử lại.</li>
            ) : null}
          </ul>
        ) : null}
      </div>
      {hint ? (
        <span id={hintId} className="mt-0.5 block text-xs text-stone-600">
          {hint}
        </span>
      ) : null}
      <FieldMessage id={errorId} message={error} />
    </div>
  );
}
