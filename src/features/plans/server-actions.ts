"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/server/actions";
import { saveIndicator, dropIndicator, restoreIndicator } from "./indicator-actions";
import { decideParentChange } from "./parent-change-actions";
import { amendPlan, createImplementingPlan, issuePlan, publishPlan, updatePlanHeader } from "./plan-actions";
import { dropTask, moveTask, restoreTask, saveTask } from "./task-actions";

// Thin "use server" entry points; the actions (and their permissions) live beside the rules they apply.

type Handler = { formAction: (previous: never, formData: FormData) => Promise<ActionState> };

async function run(action: Handler, formData: FormData): Promise<ActionState> {
  const result = await action.formAction({ status: "idle" } as never, formData);
  const planId = formData.get("planId");
  if (result.status === "ok" && typeof planId === "string") revalidatePath(`/plans/${planId}`, "layout");
  return result;
}

export async function createImplementingPlanAction(_: ActionState, formData: FormData) {
  const result = await createImplementingPlan.formAction({ status: "idle" } as never, formData);
  return result as ActionState<{ planId: string }>;
}
export async function updatePlanHeaderAction(_: ActionState, formData: FormData) {
  return run(updatePlanHeader as unknown as Handler, formData);
}
export async function issuePlanAction(_: ActionState, formData: FormData) {
  return run(issuePlan as unknown as Handler, formData);
}
export async function amendPlanAction(_: ActionState, formData: FormData) {
  return run(amendPlan as unknown as Handler, formData);
}
export async function saveTaskAction(_: ActionState, formData: FormData) {
  return run(saveTask as unknown as Handler, formData);
}
export async function dropTaskAction(_: ActionState, formData: FormData) {
  return run(dropTask as unknown as Handler, formData);
}
export async function restoreTaskAction(_: ActionState, formData: FormData) {
  return run(restoreTask as unknown as Handler, formData);
}
export async function moveTaskAction(_: ActionState, formData: FormData) {
  return run(moveTask as unknown as Handler, formData);
}
export async function saveIndicatorAction(_: ActionState, formData: FormData) {
  return run(saveIndicator as unknown as Handler, formData);
}
export async function dropIndicatorAction(_: ActionState, formData: FormData) {
  return run(dropIndicator as unknown as Handler, formData);
}
export async function restoreIndicatorAction(_: ActionState, formData: FormData) {
  return run(restoreIndicator as unknown as Handler, formData);
}
export async function decideParentChangeAction(_: ActionState, formData: FormData) {
  return run(decideParentChange as unknown as Handler, formData);
}
export async function publishPlanAction(_: ActionState, formData: FormData) {
  return run(publishPlan as unknown as Handler, formData);
}
