"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { ACTIVE_ORGANIZATION_COOKIE, currentScope, scopeForUser } from "@/server/auth/session";
import { closeOrganization, createOrganization } from "./organization-actions";

// The "use server" entry points: the actions' own server functions (organization-actions.ts declares
// their permission and the pages they refresh), and choosing the organisation one acts for.

export const createOrganizationAction = createOrganization.formAction;
export const closeOrganizationAction = closeOrganization.formAction;

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
