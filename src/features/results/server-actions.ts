"use server";

import { currentScope } from "@/server/auth/session";
import type { ActionState } from "@/server/actions";
import { saveActuals, saveTaskProgress, type SavedActual, type SavedProgress } from "./result-actions";

// The thin "use server" entry points; the actions themselves (and their permissions) are in result-actions.ts.

export async function saveActualsAction(input: {
  planId: string;
  year: number;
  rows: unknown[];
}): Promise<ActionState<{ saved: SavedActual[]; changed: number }>> {
  return saveActuals.execute(await currentScope(), input);
}

export async function saveTaskProgressAction(input: {
  planId: string;
  year: number;
  rows: unknown[];
}): Promise<ActionState<{ saved: SavedProgress[] }>> {
  return saveTaskProgress.execute(await currentScope(), input);
}
