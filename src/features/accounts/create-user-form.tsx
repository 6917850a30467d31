"use client";

import { useActionState } from "react";
import { ActionForm, SelectField, TextField } from "@/ui/form";
import { roleLabels } from "@/ui/labels";
import { createUserAction } from "./server-actions";

const ROLE_OPTIONS = Object.entries(roleLabels).map(([value, label]) => ({ value, label }));

export function CreateUserForm({ organizations }: { organizations: { id: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(createUserAction, { status: "idle" });
  return (
    <ActionForm
      state={state}
      action={formAction}
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2"
      aria-label="Tạo người dùng"
      key={state.status === "ok" ? JSON.stringify(state.data) : "form"}
    >
      <SelectField
        name="organizationId"
        label="Đơn vị"
        initial={organizations[0]?.id}
        options={organizations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <SelectField name="role" label="Vai trò" initial="VIEWER" options={ROLE_OPTIONS} />
      <TextField name="username" label="Tên đăng nhập" autoComplete="off" />
      <TextField name="displayName" label="Họ tên, chức danh" />
      <TextField name="password" label="Mật khẩu ban đầu" type="password" autoComplete="new-password" />
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
    </ActionForm>
  );
}
