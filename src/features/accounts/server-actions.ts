"use server";

import { createUser, resetPassword, setUserActive, updateUser } from "./user-actions";

// The "use server" entry points: each action's own server function (user-actions.ts declares the
// permission and the pages it refreshes).

export const createUserAction = createUser.formAction;
export const resetPasswordAction = resetPassword.formAction;
export const setUserActiveAction = setUserActive.formAction;
export const updateUserAction = updateUser.formAction;
