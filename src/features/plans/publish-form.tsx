"use client";

import { publishPlanAction } from "./server-actions";
import { SaveStatus, useSave } from "./editor/save-state";

/** Publishing makes an issued plan readable by other provinces (e.g. to learn from it), and its results public (/public). */
export function PublishForm({ planId, version, published }: { planId: string; version: number; published: boolean }) {
  const save = useSave(publishPlanAction);
  return (
    <form action={save.formAction} className="flex items-center gap-2">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="publish" value={published ? "false" : "true"} />
      <button
        disabled={save.pending}
        className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100 disabled:opacity-60"
        title={
          published
            ? "Chỉ các đơn vị trong tỉnh được xem; kế hoạch rời trang công khai"
            : "Cho phép đơn vị các tỉnh khác xem kế hoạch này, và mọi người xem chỉ tiêu, kết quả trên trang công khai"
        }
      >
        {published ? "Thôi công bố ngoài tỉnh" : "Công bố cho các tỉnh khác"}
      </button>
      {/* What was done, from the action's answer: the page re-rendered after it already shows the new state. */}
      <SaveStatus
        state={save.state}
        pending={save.pending}
        savedText={
          save.state.status === "ok" && (save.state.data as { published?: boolean }).published
            ? "Đã công bố"
            : "Đã thôi công bố"
        }
      />
    </form>
  );
}
