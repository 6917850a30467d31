"use server";

import { createUser, resetPassword, setUserActive } from "./user-actions";

// The "use server" entry points: each action's own server function (user-actions.ts declares the
// permission and the pages it refreshes).

export const createUserAction = createUser.formAction;
export const resetPasswordAction = resetPassword.formAction;
export const setUserActiveAction = setUserActive.formAction;
