"use server";

import { saveActuals, saveTaskProgress } from "./result-actions";

// The "use server" entry points: each action's own server function (result-actions.ts declares the
// permission and the pages it refreshes). The grid and the progress form call them with an object.

export const saveActualsAction = saveActuals.call;
export const saveTaskProgressAction = saveTaskProgress.call;
