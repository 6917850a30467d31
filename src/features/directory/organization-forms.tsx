"use client";

import { useActionState } from "react";
import { organizationKindLabels } from "@/domain/organization-kind";
import { FieldMessage } from "@/ui/field-message";
import { ActionForm, Input, Select, SelectField, TextField } from "@/ui/form";
import { trackLabels } from "@/ui/labels";
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

export function CloseOrganizationForm({
  organizationId,
  name,
  successors,
}: {
  organizationId: string;
  name: string;
  successors: { id: string; name: string }[];
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
      <label>
        Kế thừa bởi
        <Select
          name="successorId"
          look="compact"
          className="ml-1 max-w-48"
          options={[{ value: "", label: "(không)" }, ...successors.map((s) => ({ value: s.id, label: s.name }))]}
        />
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
    </ActionForm>
  );
}
