"use client";

import { useActionState } from "react";
import type { ActionState } from "@/server/actions";
import { roleLabels } from "@/ui/labels";
import { FieldMessage } from "@/ui/field-message";
import { createUserAction } from "./server-actions";

export function CreateUserForm({ organizations }: { organizations: { id: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(createUserAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <form
      action={formAction}
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2"
      aria-label="Tạo người dùng"
      key={state.status === "ok" ? JSON.stringify(state.data) : "form"}
    >
      <label className="text-sm font-semibold">
        Đơn vị
        <select
          name="organizationId"
          defaultValue={values.organizationId ?? organizations[0]?.id}
          className="mt-1 block w-full rounded border border-stone-300 px-2 py-1.5 font-normal"
          aria-invalid={Boolean(errors.organizationId)}
        >
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <FieldMessage message={errors.organizationId} />
      </label>
      <label className="text-sm font-semibold">
        Vai trò
        <select
          name="role"
          defaultValue={values.role ?? "VIEWER"}
          className="mt-1 block w-full rounded border border-stone-300 px-2 py-1.5 font-normal"
        >
          {Object.entries(roleLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <FieldMessage message={errors.role} />
      </label>
      <label className="text-sm font-semibold">
        Tên đăng nhập
        <input
          name="username"
          defaultValue={values.username ?? ""}
          autoComplete="off"
          className="mt-1 block w-full rounded border border-stone-300 px-2 py-1.5 font-normal"
          aria-invalid={Boolean(errors.username)}
        />
        <FieldMessage message={errors.username} />
      </label>
      <label className="text-sm font-semibold">
        Họ tên, chức danh
        <input
          name="displayName"
          defaultValue={values.displayName ?? ""}
          className="mt-1 block w-full rounded border border-stone-300 px-2 py-1.5 font-normal"
          aria-invalid={Boolean(errors.displayName)}
        />
        <FieldMessage message={errors.displayName} />
      </label>
      <label className="text-sm font-semibold">
        Mật khẩu ban đầu
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          className="mt-1 block w-full rounded border border-stone-300 px-2 py-1.5 font-normal"
          aria-invalid={Boolean(errors.password)}
        />
        <FieldMessage message={errors.password} />
      </label>
      <div className="flex items-end gap-3">
        <button
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? "Đang tạo…" : "Tạo người dùng"}
        </button>
        <p aria-live="polite" className="text-sm">
          {state.status === "ok" ? <span className="text-emerald-700">Đã tạo người dùng.</span> : null}
          {state.status === "error" ? <span className="text-red-700">{state.message}</span> : null}
        </p>
      </div>
    </form>
  );
}
