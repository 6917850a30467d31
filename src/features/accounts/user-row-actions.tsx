"use client";

import { useActionState } from "react";
import type { ActionState } from "@/server/actions";
import { FieldMessage } from "@/ui/field-message";
import { resetPasswordAction, setUserActiveAction } from "./server-actions";
import { inputStyle } from "@/ui/input-style";

export function UserRowActions({
  userId,
  isActive,
  username,
}: {
  userId: string;
  isActive: boolean;
  username: string;
}) {
  const [activeState, toggle, togglePending] = useActionState<ActionState, FormData>(setUserActiveAction, {
    status: "idle",
  });
  const [resetState, reset, resetPending] = useActionState<ActionState, FormData>(resetPasswordAction, {
    status: "idle",
  });
  return (
    <div className="flex flex-wrap items-start gap-3">
      <form action={toggle}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="active" value={isActive ? "false" : "true"} />
        <button
          disabled={togglePending}
          className="rounded border border-stone-300 px-2 py-1 text-xs hover:bg-stone-100"
          aria-label={`${isActive ? "Khóa" : "Mở khóa"} tài khoản ${username}`}
        >
          {isActive ? "Khóa tài khoản" : "Mở khóa"}
        </button>
        {activeState.status === "error" ? <FieldMessage message={activeState.message} /> : null}
      </form>
      <form action={reset} className="flex items-start gap-1">
        <input type="hidden" name="userId" value={userId} />
        <label className="sr-only" htmlFor={`pw-${userId}`}>
          Mật khẩu mới cho {username}
        </label>
        <input
          id={`pw-${userId}`}
          name="password"
          type="password"
          placeholder="Mật khẩu mới"
          autoComplete="new-password"
          className={`w-36 ${inputStyle.compact}`}
        />
        <button
          disabled={resetPending}
          className="rounded border border-stone-300 px-2 py-1 text-xs hover:bg-stone-100"
        >
          Đặt lại
        </button>
        {resetState.status === "error" ? (
          <FieldMessage message={resetState.fieldErrors.password ?? resetState.message} />
        ) : null}
        {resetState.status === "ok" ? <span className="text-xs text-emerald-700">Đã đặt lại.</span> : null}
      </form>
    </div>
  );
}
