"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/server/actions";
import { FieldMessage } from "@/ui/field-message";
import { ActionForm, TextField, useFormField } from "@/ui/form";
import { inputStyle } from "@/ui/input-style";
import { RemotePicker } from "@/ui/remote-picker";
import { ROLE_OPTIONS } from "./create-user-form";
import { updateUserAction } from "./server-actions";

type Membership = { organizationId: string; label: string; role: string };
type Row = Membership & { key: number };

/** What a refused form sent back, or what the account has. */
function startingRows(sent: string, saved: Membership[]): Row[] {
  try {
    const list = sent ? (JSON.parse(sent) as Membership[]) : saved;
    if (Array.isArray(list)) return list.map((m, key) => ({ ...m, key }));
  } catch {
    /* fall through */
  }
  return saved.map((m, key) => ({ ...m, key }));
}

/** The bodies an account belongs to, each with a role: picked by type-ahead, added and removed. */
function MembershipsEditor({ saved, errors }: { saved: Membership[]; errors: Record<string, string> }) {
  const sent = useFormField("memberships");
  const [rows, setRows] = useState<Row[]>(() => startingRows(sent.value, saved));
  const [next, setNext] = useState(rows.length);
  const update = (key: number, change: Partial<Membership>) =>
    setRows((list) => list.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const listError =
    errors.memberships ?? Object.entries(errors).find(([field]) => field.startsWith("memberships."))?.[1];
  return (
    <fieldset className="space-y-2 text-sm md:col-span-2">
      <legend className="font-semibold">Đơn vị và vai trò</legend>
      <input
        type="hidden"
        name="memberships"
        value={JSON.stringify(rows.map(({ organizationId, role, label }) => ({ organizationId, role, label })))}
      />
      <ul className="space-y-2">
        {rows.map((row, index) => (
          <li
            key={row.key}
            className="grid items-end gap-2 rounded border border-stone-200 p-2 sm:grid-cols-[1fr_12rem_auto]"
            data-testid={`membership-${index + 1}`}
          >
            <RemotePicker
              name={`membership-${row.key}`}
              label={`Đơn vị ${index + 1}`}
              endpoint="/api/admin/units"
              initial={row.organizationId ? { id: row.organizationId, label: row.label } : null}
              sendLabel={false}
              error={errors[`memberships.${index}.organizationId`]}
              onChoose={(choice) => choice && update(row.key, { organizationId: choice.id, label: choice.label })}
            />
            <label className="font-semibold">
              Vai trò tại đơn vị {index + 1}
              {/* Uncontrolled and remounted when the role changes, so that React's reset of the form
                  after a refusal lands on the chosen role (a controlled select would show the first). */}
              <select
                key={row.role}
                defaultValue={row.role}
                onChange={(e) => update(row.key, { role: e.target.value })}
                className={inputStyle.field}
              >
                {ROLE_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}
              className="rounded border border-stone-300 px-2 py-1.5 text-red-700 hover:bg-stone-100"
              aria-label={`Bỏ đơn vị ${index + 1}`}
            >
              Bỏ
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => {
          setRows((list) => [...list, { key: next, organizationId: "", label: "", role: "VIEWER" }]);
          setNext(next + 1);
        }}
        className="rounded border border-brand-700 px-3 py-1 text-brand-700 hover:bg-brand-50"
      >
        Thêm đơn vị
      </button>
      <FieldMessage message={listError} />
    </fieldset>
  );
}

export function EditUserForm({
  userId,
  version,
  displayName,
  email,
  memberships,
}: {
  userId: string;
  version: number;
  displayName: string;
  email: string | null;
  memberships: Membership[];
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(updateUserAction, { status: "idle" });
  // The page refreshes after a save: the newest version seen, without losing the form's message.
  const saved = state.status === "ok" ? (state.data as { version: number }).version : 0;
  return (
    <ActionForm
      state={state}
      action={formAction}
      aria-label="Sửa tài khoản"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 md:grid-cols-2"
    >
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={Math.max(version, saved)} />
      <TextField name="displayName" label="Họ tên, chức danh" initial={displayName} />
      <TextField
        name="email"
        label="Thư điện tử (không bắt buộc)"
        inputMode="email"
        autoComplete="off"
        initial={email ?? ""}
        hint="Nhận thư tóm tắt thông báo chưa đọc mỗi ngày một lần"
      />
      <MembershipsEditor saved={memberships} errors={state.status === "error" ? state.fieldErrors : {}} />
      <div className="flex items-center gap-3 md:col-span-2">
        <button
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? "Đang lưu…" : "Lưu thay đổi"}
        </button>
        <p aria-live="polite" className="text-sm" data-testid="edit-user-state">
          {state.status === "ok" ? <span className="text-emerald-700">Đã lưu.</span> : null}
          {state.status === "error" ? <span className="text-red-700">{state.message}</span> : null}
        </p>
      </div>
    </ActionForm>
  );
}
