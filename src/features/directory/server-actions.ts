"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import type { ActionState } from "@/server/actions";
import { ACTIVE_ORGANIZATION_COOKIE, currentScope, scopeForUser } from "@/server/auth/session";
import { closeOrganization, createOrganization } from "./organization-actions";

export async function createOrganizationAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await createOrganization.formAction(previous as never, formData);
  if (result.status === "ok") revalidatePath("/admin/organizations");
  return result;
}

export async function closeOrganizationAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  const result = await closeOrganization.formAction(previous as never, formData);
  if (result.status === "ok") revalidatePath("/admin/organizations");
  return result;
}

/** Users who belong to several bodies choose which one they act for; only their own memberships count. */
export async function switchOrganizationAction(formData: FormData): Promise<void> {
  const scope = await currentScope();
  const organizationId = String(formData.get("organizationId") ?? "");
  if (!scope) return;
  const next = await scopeForUser(scope.userId, { organizationId });
  if (next?.organizationId !== organizationId) return;
  (await cookies()).set(ACTIVE_ORGANIZATION_COOKIE, organizationId, { httpOnly: true, sameSite: "lax", path: "/" });
  revalidatePath("/", "layout");
}
