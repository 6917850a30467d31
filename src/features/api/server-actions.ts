"use server";

import { createApiToken, revokeApiToken } from "./token-actions";

// The "use server" entry points of the API tokens page (token-actions.ts declares the permission).

export const createApiTokenAction = createApiToken.formAction;
export const revokeApiTokenAction = revokeApiToken.formAction;
