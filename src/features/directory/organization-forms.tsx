"use client";

import { useActionState } from "react";
import { organizationKindLabels } from "@/domain/organization-kind";
import { FieldMessage } from "@/ui/field-message";
import { ActionForm, Input, SelectField, TextField, useFormField } from "@/ui/form";
import { trackLabels } from "@/ui/labels";
import { RemotePicker } from "@/ui/remote-picker";
import { closeOrganizationAction, createOrganizationAction } from "./server-actions";

const KIND_OPTIONS = Object.entries(organizationKindLabels).map(([value, label]) => ({ value, label }));
const TRACK_OPTIONS = Object.entries(trackLabels).map(([value, label]) => ({ value, label }));

export function CreateOrganizationForm({ units }: { units: { id: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState(createOrganizationAction, { status: "idle" });
  return (
    <ActionForm
      state={state}
      action={formAction}
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 md:grid-cols-4"
      aria-label="Thêm cơ quan"
    >
      <TextField name="name" label="Tên cơ quan" className="md:col-span-2" />
      <SelectField name="kind" label="Loại" initial="DEPARTMENT" options={KIND_OPTIONS} />
      <SelectField name="track" label="Khối" initial="STATE" options={TRACK_OPTIONS} />
      <SelectField
        name="adminUnitId"
        label="Địa bàn"
        className="md:col-span-2"
        options={[{ value: "", label: "— chọn —" }, ...units.map((u) => ({ value: u.id, label: u.label }))]}
      />
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
    </ActionForm>
  );
}

/** The body that carries a closed one's work on: type-ahead over the active bodies of the province. */
function SuccessorPicker({ provinceCode, name }: { provinceCode: string; name: string }) {
  const successor = useFormField("successorId");
  const label = useFormField("successorIdLabel");
  return (
    <RemotePicker
      name="successorId"
      label={`Kế thừa bởi (${name})`}
      endpoint={`/api/admin/organizations?province=${provinceCode}`}
      initial={successor.value ? { id: successor.value, label: label.value } : null}
      error={successor.error}
      allowEmpty
      placeholder="(không) — gõ tên để chọn"
      className="w-72 [&_label]:sr-only"
    />
  );
}

export function CloseOrganizationForm({
  organizationId,
  name,
  provinceCode,
}: {
  organizationId: string;
  name: string;
  provinceCode: string;
}) {
  const [state, formAction, pending] = useActionState(closeOrganizationAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <ActionForm
      state={state}
      action={formAction}
      className="flex flex-wrap items-start gap-2 text-xs"
      aria-label={`Kết thúc hoạt động ${name}`}
    >
      <input type="hidden" name="organizationId" value={organizationId} />
      <label>
        Kết thúc từ
        <Input name="validTo" placeholder="30/06/2025" look="compact" className="ml-1 w-24" />
        <FieldMessage message={errors.validTo} />
      </label>
      <span className="flex items-start gap-1">
        <span aria-hidden>Kế thừa bởi</span>
        <SuccessorPicker provinceCode={provinceCode} name={name} />
      </span>
      <button disabled={pending} className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-100">
        Lưu
      </button>
      <span aria-live="polite">
        {state.status === "ok" ? <span className="text-emerald-700">Đã lưu.</span> : null}
        {state.status === "error" && !errors.validTo && !errors.successorId ? (
          <span className="text-red-700">{state.message}</span>
        ) : null}
      </span>
    </ActionForm>
  );
}
