"use client";

import type { ActionState } from "@/server/actions";
import { useSave } from "./save-state";

type ServerAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** An inherited item this plan does not take on: shown struck through, with its reason, restorable. */
export function DroppedItem(props: {
  label: string;
  verdict: string;
  reason: string | null;
  depth: number;
  restore: ServerAction;
  fields: Record<string, string | number>;
}) {
  const restore = useSave(props.restore);
  return (
    <li
      className="rounded border border-dashed border-stone-300 bg-stone-50 p-2 text-sm text-stone-500"
      style={{ marginLeft: `${props.depth * 1.5}rem` }}
    >
      <span className="line-through">{props.label}</span> — {props.verdict}: {props.reason}
      <form action={restore.formAction} className="ml-2 inline">
        {Object.entries(props.fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button disabled={restore.pending} className="underline disabled:opacity-50">
          {restore.pending ? "Đang khôi phục…" : "Khôi phục"}
        </button>
        {restore.state.status === "error" ? (
          <span className="ml-2 text-red-700" role="status">
            {restore.state.message}
          </span>
        ) : null}
      </form>
    </li>
  );
}
