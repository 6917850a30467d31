import type { Role } from "../../../src/generated/prisma/enums";
import type { createTestDatabase } from "../database";

// A feature's rows of the authorisation matrix (tests/integration/authorization-matrix.test.ts).
// Each file in this folder exports `cases`: for every action the feature defines, which roles of the
// acting body (Thị ủy Mộc Châu, a pre-2025 district of Sơn La, taken as still existing: the test
// clears its end date, and checks apart that a body that has ended may run nothing) may run it towards
// each body, and how to build a valid input aimed at that body. Written by hand: they are the rules,
// not a copy of them.

export type Target = "own" | "parent" | "child" | "sibling" | "otherProvince";

export type MatrixFixtures = {
  db: Awaited<ReturnType<typeof createTestDatabase>>;
  /** An organisation of each relation to the acting body. */
  organizations: Record<Target, string>;
  /** A user (VIEWER) of each of those organisations. */
  users: Record<Target, string>;
  /** A plan issued by each of those organisations, and a Central one. */
  plans: Record<Target | "central", string>;
};

export type MatrixCase = {
  /** Imports the module that defines the action (so that it is registered). */
  load: () => Promise<unknown>;
  expected: Record<Target, Role[]>;
  /**
   * Where a feature states it: the roles of Đảng ủy phường Mộc Châu, one of the bodies that succeeded
   * the acting body on 1/7/2025 (to which the acting body is "own"), that may run the action towards
   * the acting body, with the input built for `own`.
   */
  fromSuccessor?: Role[];
  input: (fixtures: MatrixFixtures, target: Target) => Promise<Record<string, string>> | Record<string, string>;
  /** Undo what an allowed run changed, so the next cell starts from the same state. */
  reset?: (fixtures: MatrixFixtures, target: Target) => Promise<void>;
};

export const ROLES: Role[] = ["VIEWER", "EDITOR", "APPROVER", "ADMIN"];
export const TARGETS: Target[] = ["own", "parent", "child", "sibling", "otherProvince"];
