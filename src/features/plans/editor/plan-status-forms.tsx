"use client";

import { useRef, useState } from "react";
import { dayInVietnam } from "@/domain/vietnam-time";
import { ConfirmDialog, MissingList } from "@/ui/confirm-dialog";
import { useEditorChanges } from "./editor-changes";
import { ActionForm, TextField } from "@/ui/form";
import type { ParentChange } from "../parent-change-actions";
import { amendPlanAction, decideParentChangeAction, issuePlanAction } from "../server-actions";
import { SaveStatus, useSave } from "./save-state";

// Today as a day in Vietnam, the same on the server that renders the form and in the browser.
const today = () => dayInVietnam(new Date());

/**
 * Issues the draft. Issuing cannot be undone (a later change is an amendment), so the button asks
 * first, listing what the draft still lacks (`missing`, from the server) and the changes typed in the
 * editor but not saved (asked of the editor when the dialog opens).
 */
export function IssueForm({
  planId,
  version,
  signingForm,
  missing,
}: {
  planId: string;
  version: number;
  signingForm: string;
  missing: string[];
}) {
  const editor = useEditorChanges();
  const save = useSave(issuePlanAction);
  const form = useRef<HTMLFormElement>(null);
  const [asking, setAsking] = useState<string[] | null>(null);
  const field = (name: string, label: string, initial: string, placeholder?: string) => (
    <TextField name={name} label={label} initial={initial} placeholder={placeholder} />
  );
  return (
    <ActionForm
      ref={form}
      state={save.state}
      action={save.formAction}
      className="grid gap-3 rounded-lg border border-emerald-300 bg-emerald-50 p-4 md:grid-cols-5"
      aria-label="Ban hành kế hoạch"
    >
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      {field("numberSerial", "Số văn bản", "", "ví dụ 45")}
      {field("issuedOn", "Ngày ban hành", today(), "ngày/tháng/năm, ví dụ 15/05/2024")}
      {field("signingForm", "Thẩm quyền ký", signingForm)}
      {field("signerTitle", "Chức vụ người ký", "")}
      {field("signerName", "Họ tên người ký", "")}
      <div className="flex items-center gap-3 md:col-span-5">
        <button
          type="button"
          disabled={save.pending}
          onClick={() => setAsking(editor?.unsaved() ?? [])}
          className="rounded bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
        >
          Ban hành
        </button>
        <SaveStatus state={save.state} pending={save.pending} savedText="Đã ban hành" />
        <span className="text-xs text-stone-600">
          Sau khi ban hành, mọi thay đổi phải qua “Sửa đổi, bổ sung”; bản đã ban hành được lưu trong lịch sử.
        </span>
      </div>
      <ConfirmDialog
        open={asking !== null}
        title="Ban hành kế hoạch?"
        confirmLabel="Ban hành"
        cancelLabel="Quay lại soạn tiếp"
        tone="green"
        onConfirm={() => form.current?.requestSubmit()}
        onClose={() => setAsking(null)}
      >
        <p>
          Sau khi ban hành, kế hoạch không sửa trực tiếp được nữa: mọi thay đổi phải mở bản “Sửa đổi, bổ sung”. Hãy kiểm
          tra trước khi ban hành.
        </p>
        <MissingList items={[...(asking ?? []), ...missing]} complete="Dự thảo đã đủ nội dung, chỉ tiêu và nhiệm vụ." />
      </ConfirmDialog>
    </ActionForm>
  );
}

export function AmendForm({ planId, version }: { planId: string; version: number }) {
  const save = useSave(amendPlanAction);
  return (
    <ActionForm
      state={save.state}
      action={save.formAction}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4"
      aria-label="Sửa đổi, bổ sung"
    >
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <TextField name="reason" label="Lý do sửa đổi, bổ sung" className="grow" />
      <button disabled={save.pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">
        Mở bản sửa đổi, bổ sung
      </button>
      <SaveStatus state={save.state} pending={save.pending} savedText="Đã mở bản sửa đổi" />
    </ActionForm>
  );
}

const KIND_LABELS = {
  ADDED: "Cấp trên bổ sung",
  REMOVED: "Cấp trên đã bỏ",
  RETARGETED: "Cấp trên đổi chỉ tiêu",
} as const;

function ChangeRow({ planId, change }: { planId: string; change: ParentChange }) {
  const save = useSave(decideParentChangeAction);
  return (
    <li className="flex flex-wrap items-center gap-3 py-2 text-sm">
      <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
        {KIND_LABELS[change.kind]}
      </span>
      <span className="grow">
        {change.itemType === "TASK" ? "Nhiệm vụ" : "Chỉ tiêu"} {change.label}
        {change.kind === "RETARGETED" ? (
          <span className="block text-xs text-stone-600">
            {Object.keys({ ...change.before, ...change.after })
              .sort()
              .map((year) => `${year}: ${change.before?.[year] ?? "—"} → ${change.after?.[year] ?? "—"}`)
              .join(" · ")}
          </span>
        ) : null}
      </span>
      <form action={save.formAction} className="flex gap-2">
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="itemType" value={change.itemType} />
        <input type="hidden" name="itemId" value={change.itemId} />
        <input type="hidden" name="kind" value={change.kind} />
        <button
          name="decision"
          value="accept"
          disabled={save.pending}
          className="rounded bg-brand-700 px-2 py-1 text-xs font-semibold text-white disabled:opacity-60"
        >
          Áp dụng
        </button>
        <button
          name="decision"
          value="dismiss"
          disabled={save.pending}
          className="rounded border border-stone-300 px-2 py-1 text-xs disabled:opacity-60"
        >
          Bỏ qua
        </button>
      </form>
      <SaveStatus state={save.state} pending={save.pending} savedText="Đã xử lý" />
    </li>
  );
}

export function ParentChangesPanel({ planId, changes }: { planId: string; changes: ParentChange[] }) {
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="parent-changes" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="parent-changes" className="font-semibold text-amber-900">
        Kế hoạch cấp trên đã thay đổi ({changes.length})
      </h2>
      <p className="text-sm text-amber-900">
        Không có gì thay đổi trong kế hoạch này cho đến khi bạn chọn “Áp dụng” hoặc “Bỏ qua” từng nội dung.
      </p>
      <ul className="divide-y divide-amber-200">
        {changes.map((change) => (
          <ChangeRow key={`${change.kind}:${change.itemId}`} planId={planId} change={change} />
        ))}
      </ul>
    </section>
  );
}
