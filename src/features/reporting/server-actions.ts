"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/server/actions";
import { reviewReport, saveNarrative, setChildReportDeadline, submitReport } from "./report-actions";

// The thin "use server" entry points; the actions themselves (and their permissions) are in report-actions.ts.

function refreshReport(result: ActionState<{ planId: string; year: number }>) {
  if (result.status === "ok") {
    revalidatePath(`/plans/${result.data.planId}/reports/${result.data.year}`);
    revalidatePath("/reports");
  }
  return result;
}

export async function saveNarrativeAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return refreshReport(await saveNarrative.formAction(previous as never, formData));
}

export async function submitReportAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return refreshReport(await submitReport.formAction(previous as never, formData));
}

export async function reviewReportAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return refreshReport(await reviewReport.formAction(previous as never, formData));
}

export async function setChildDeadlineAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await setChildReportDeadline.formAction(previous as never, formData);
  if (result.status === "ok") revalidatePath("/reports");
  return result;
}
