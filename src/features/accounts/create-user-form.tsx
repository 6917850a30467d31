"use client";

import { useActionState } from "react";
import { ActionForm, SelectField, TextField, useFormField } from "@/ui/form";
import { roleLabels } from "@/ui/labels";
import { RemotePicker } from "@/ui/remote-picker";
import { createUserAction } from "./server-actions";

export const ROLE_OPTIONS = Object.entries(roleLabels).map(([value, label]) => ({ value, label }));

/** The unit of a new account: type-ahead over the bodies this administrator manages, each with its place. */
function UnitPicker({ defaultUnit }: { defaultUnit: { id: string; label: string } | null }) {
  const unit = useFormField("organizationId", defaultUnit?.id ?? "");
  const label = useFormField("organizationIdLabel", defaultUnit?.label ?? "");
  return (
    <RemotePicker
      name="organizationId"
      label="Đơn vị"
      endpoint="/api/admin/units"
      initial={unit.value ? { id: unit.value, label: label.value } : null}
      error={unit.error}
      hint="Gõ tên đơn vị hoặc địa bàn, ví dụ “ubnd huyen mai son”"
    />
  );
}

export function CreateUserForm({ defaultUnit }: { defaultUnit: { id: string; label: string } | null }) {
  const [state, formAction, pending] = useActionState(createUserAction, { status: "idle" });
  return (
    <ActionForm
      state={state}
      action={formAction}
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2"
      aria-label="Tạo người dùng"
      key={state.status === "ok" ? JSON.stringify(state.data) : "form"}
    >
      <UnitPicker defaultUnit={defaultUnit} />
      <SelectField name="role" label="Vai trò" initial="VIEWER" options={ROLE_OPTIONS} />
      <TextField name="username" label="Tên đăng nhập" autoComplete="off" />
      <TextField name="displayName" label="Họ tên, chức danh" />
      <TextField name="email" label="Thư điện tử (không bắt buộc)" inputMode="email" autoComplete="off" />
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
