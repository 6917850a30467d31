"use client";

import { useActionState } from "react";
import type { ActionState } from "@/server/actions";
import { FieldMessage } from "@/ui/field-message";
import { organizationKindLabels } from "@/domain/organization-kind";
import { trackLabels } from "@/ui/labels";
import { closeOrganizationAction, createOrganizationAction } from "./server-actions";

export function CreateOrganizationForm({ units }: { units: { id: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(createOrganizationAction, {
    status: "idle",
  });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <form
      action={formAction}
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 md:grid-cols-4"
      aria-label="Thêm cơ quan"
    >
      <label className="text-sm font-semibold md:col-span-2">
        Tên cơ quan
        <input
          name="name"
          defaultValue={values.name ?? ""}
          aria-invalid={Boolean(errors.name)}
          className="mt-1 block w-full rounded border border-stone-300 px-2 py-1.5 font-normal"
        />
        <FieldMessage message={errors.name} />
      </label>
      <label className="text-sm font-semibold">
        Loại
        <select
          name="kind"
          defaultValue={values.kind ?? "DEPARTMENT"}
          className="mt-1 block w-full rounded border border-stone-300 px-2 py-1.5 font-normal"
        >
          {Object.entries(organizationKindLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-semibold">
        Khối
        <select
          name="track"
          defaultValue={values.track ?? "STATE"}
          className="mt-1 block w-full rounded border border-stone-300 px-2 py-1.5 font-normal"
        >
          {Object.entries(trackLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-semibold md:col-span-2">
        Địa bàn
        <select
          name="adminUnitId"
          defaultValue={values.adminUnitId ?? ""}
          aria-invalid={Boolean(errors.adminUnitId)}
          className="mt-1 block w-full rounded border border-stone-300 px-2 py-1.5 font-normal"
        >
          <option value="">— chọn —</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </select>
        <FieldMessage message={errors.adminUnitId} />
      </label>
      <input type="hidden" name="parentId" value="" />
      <div className="flex items-end gap-3 md:col-span-2">
        <button
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          Thêm cơ quan
        </button>
        <span aria-live="polite" className="text-sm">
          {state.status === "ok" ? <span className="text-emerald-700">Đã thêm.</span> : null}
          {state.status === "error" ? <span className="text-red-700">{state.message}</span> : null}
        </span>
      </div>
    </form>
  );
}

export function CloseOrganizationForm({
  organizationId,
  name,
  successors,
}: {
  organizationId: string;
  name: string;
  successors: { id: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(closeOrganizationAction, {
    status: "idle",
  });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values: Record<string, string> = state.status === "error" ? state.values : {};
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-start gap-2 text-xs"
      aria-label={`Kết thúc hoạt động ${name}`}
    >
      <input type="hidden" name="organizationId" value={organizationId} />
      <label>
        Kết thúc từ
        <input
          name="validTo"
          placeholder="30/06/2025"
          defaultValue={values.validTo ?? ""}
          aria-invalid={Boolean(errors.validTo)}
          className="ml-1 w-24 rounded border border-stone-300 px-1 py-0.5"
        />
        <FieldMessage message={errors.validTo} />
      </label>
      <label>
        Kế thừa bởi
        <select
          name="successorId"
          defaultValue={values.successorId ?? ""}
          aria-invalid={Boolean(errors.successorId)}
          className="ml-1 max-w-48 rounded border border-stone-300 px-1 py-0.5"
        >
          <option value="">(không)</option>
          {successors.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <FieldMessage message={errors.successorId} />
      </label>
      <button disabled={pending} className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-100">
        Lưu
      </button>
      <span aria-live="polite">
        {state.status === "ok" ? <span className="text-emerald-700">Đã lưu.</span> : null}
        {state.status === "error" && !errors.validTo && !errors.successorId ? (
          <span className="text-red-700">{state.message}</span>
        ) : null}
      </span>
    </form>
  );
}
