"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/server/actions";
import { createUser, resetPassword, setUserActive } from "./user-actions";

// The thin "use server" entry points; the actions themselves (and their permissions) are in user-actions.ts.

export async function createUserAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await createUser.formAction(previous as never, formData);
  if (result.status === "ok") revalidatePath("/admin/users");
  return result;
}

export async function resetPasswordAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return resetPassword.formAction(previous as never, formData);
}

export async function setUserActiveAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await setUserActive.formAction(previous as never, formData);
  if (result.status === "ok") revalidatePath("/admin/users");
  return result;
}
