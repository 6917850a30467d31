import { z } from "zod";
import { recordAudit, type AuditEntry } from "./audit";
import { currentScope } from "./auth/session";
import type { Scope } from "./db/scope";
import { withScope, type ScopedDb } from "./db/scoped";
import { ConflictError, ForbiddenError, NotFoundError } from "./errors";
import { logger } from "./log/logger";
import { permits, roleHolds, VISIBLE_RELATIONS, type Permission } from "./permissions";
import { relationTo, type OrganizationRef } from "./relations";

// Every write goes through defineAction: the permission is declared where the action is defined,
// input is parsed with zod (messages in Vietnamese, what the user typed is returned with them), the
// subject's owner is checked on the server, and the work and its audit record share one transaction.

export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T; message?: string }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; values: Record<string, string> };

export type ActionContext<I> = { scope: Scope; db: ScopedDb; input: I; audit: (entry: AuditEntry) => Promise<void> };

export type ActionDefinition<S extends z.ZodType, O> = {
  name: string;
  permission: Permission;
  input: S;
  /** The organisation that owns what the action touches; null for actions on the user's own organisation. */
  subject: (db: ScopedDb, input: z.infer<S>, scope: Scope) => Promise<OrganizationRef | null>;
  run: (context: ActionContext<z.infer<S>>) => Promise<O>;
};

export type Action<S extends z.ZodType, O> = ActionDefinition<S, O> & {
  /** Runs the action for a scope (used by the server-action wrapper and by tests). */
  execute: (scope: Scope | null, raw: unknown) => Promise<ActionState<O>>;
  /** For React's useActionState: reads the session, takes FormData. */
  formAction: (previous: ActionState<O>, formData: FormData) => Promise<ActionState<O>>;
};

export const actionRegistry = new Map<string, Action<z.ZodType, unknown>>();

const GENERIC_ERROR = "Đã có lỗi khi lưu. Dữ liệu bạn nhập vẫn được giữ nguyên; vui lòng thử lại.";

function valuesOf(raw: unknown): Record<string, string> {
  if (!raw || typeof raw !== "object") return {};
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>)
      .filter(([, v]) => typeof v === "string" || typeof v === "number")
      .map(([k, v]) => [k, String(v)]),
  );
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function defineAction<S extends z.ZodType, O>(definition: ActionDefinition<S, O>): Action<S, O> {
  const execute = async (scope: Scope | null, raw: unknown): Promise<ActionState<O>> => {
    const values = valuesOf(raw);
    const fail = (message: string, fieldErrors: Record<string, string> = {}): ActionState<O> => ({
      status: "error",
      message,
      fieldErrors,
      values,
    });
    if (!scope) return fail("Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại; dữ liệu bạn nhập vẫn còn trên màn hình.");
    const parsed = definition.input.safeParse(raw);
    if (!parsed.success) return fail("Vui lòng sửa các ô được đánh dấu.", fieldErrorsOf(parsed.error));
    if (!roleHolds(scope.role, definition.permission, scope.isSystemAdmin))
      return fail("Vai trò của bạn không được thực hiện thao tác này.");
    try {
      const data = await withScope(scope, async (db) => {
        const subject = await definition.subject(db, parsed.data, scope);
        if (subject) {
          const relation = relationTo(scope, subject);
          if (
            !scope.isSystemAdmin &&
            !VISIBLE_RELATIONS.includes(relation) &&
            !permits(definition.permission, relation)
          )
            throw new NotFoundError("Không tìm thấy đối tượng");
          if (!permits(definition.permission, relation, scope.isSystemAdmin))
            throw new ForbiddenError("Bạn không có quyền thực hiện thao tác này với đơn vị đó.");
        }
        return definition.run({ scope, db, input: parsed.data, audit: (entry) => recordAudit(db, scope, entry) });
      });
      return { status: "ok", data };
    } catch (error) {
      if (error instanceof NotFoundError)
        return fail("Không tìm thấy đối tượng (có thể đã bị xóa hoặc bạn không có quyền xem).");
      if (error instanceof ForbiddenError || error instanceof ConflictError) return fail(error.message);
      if (error instanceof FieldError) return fail(error.message, { [error.field]: error.message });
      logger.error({ err: error, action: definition.name }, "action failed");
      return fail(GENERIC_ERROR);
    }
  };
  const action: Action<S, O> = {
    ...definition,
    execute,
    formAction: async (_previous, formData) =>
      execute(
        await currentScope(),
        Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith("$ACTION"))),
      ),
  };
  if (actionRegistry.has(definition.name)) throw new Error(`Action ${definition.name} is defined twice`);
  actionRegistry.set(definition.name, action as unknown as Action<z.ZodType, unknown>);
  return action;
}

/** A business-rule failure that belongs beside one field (e.g. "this username is taken"). */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
