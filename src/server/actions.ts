import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import { z } from "zod";
import { endedBodyMessage } from "@/domain/body-validity";
import { recordAudits, type AuditEntry } from "./audit";
import { currentScope } from "./auth/session";
import type { Scope } from "./db/scope";
import { withScope, type ScopedDb } from "./db/scoped";
import { isDatabaseUnavailable } from "./db/unavailable";
import { ConflictError, ForbiddenError, NotFoundError } from "./errors";
import { logger } from "./log/logger";
import { permits, roleHolds, VISIBLE_RELATIONS, type Permission } from "./permissions";
import { publicPlanTag, PUBLIC_TAG } from "./public-cache";
import { relationTo, type OrganizationRef } from "./relations";

// Every write goes through defineAction: the permission is declared where the action is defined,
// input is parsed with zod (messages in Vietnamese, what the user typed is returned with them), the
// subject's owner is checked on the server, and the work and its audit record share one transaction.
// The action hands out its own server functions (formAction, call), so a feature's server-actions.ts
// only re-exports them, and the pages it changes are declared with it (revalidate).

export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T; message?: string }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; values: Record<string, string> };

export type ActionContext<I> = { scope: Scope; db: ScopedDb; input: I; audit: (entry: AuditEntry) => Promise<void> };

/**
 * A page (or, with "layout", every page under a path) whose data an action changes; or cached data by
 * its tag (the public pages, ADR 0034): read again at once with `now`, else served once more while it
 * is read again in the background (which spares the acting page a re-render).
 */
export type Revalidation = string | { path: string; type: "layout" | "page" } | { tag: string; now?: boolean };

export type ActionDefinition<S extends z.ZodType, O> = {
  name: string;
  permission: Permission;
  input: S;
  /** The organisation that owns what the action touches; null for actions on the user's own organisation. */
  subject: (db: ScopedDb, input: z.infer<S>, scope: Scope) => Promise<OrganizationRef | null>;
  run: (context: ActionContext<z.infer<S>>) => Promise<O>;
  /** The pages to refresh after a success; applied by the server functions (formAction, call), not by execute. */
  revalidate?: (done: { input: z.infer<S>; data: NoInfer<O> }) => readonly Revalidation[];
  /** The only fields sent back in `values` after an error (all by default; an imported document is too large to echo). */
  echo?: readonly string[];
};

export type Action<S extends z.ZodType, O> = ActionDefinition<S, O> & {
  /** Runs the action for a scope, without refreshing pages (the server functions below use it, and tests call it). */
  execute: (scope: Scope | null, raw: unknown) => Promise<ActionState<O>>;
  /** Server function for React's useActionState and <form action>: reads the session, takes FormData. */
  formAction: (previous: unknown, formData: FormData) => Promise<ActionState<O>>;
  /** Server function called with an object (the results grid): reads the session. */
  call: (input: z.input<S>) => Promise<ActionState<O>>;
};

/** What the registry keeps of an action: enough for a test to walk and run every one. */
export type RegisteredAction = {
  name: string;
  permission: Permission;
  execute: (scope: Scope | null, raw: unknown) => Promise<ActionState<unknown>>;
};

export const actionRegistry = new Map<string, RegisteredAction>();

const GENERIC_ERROR = "Đã có lỗi khi lưu. Dữ liệu bạn nhập vẫn được giữ nguyên; vui lòng thử lại.";
export const DATABASE_UNAVAILABLE_ERROR =
  "Cơ sở dữ liệu tạm thời không truy cập được, chưa lưu được. Dữ liệu bạn nhập vẫn được giữ nguyên; vui lòng thử lại sau ít phút.";

/** What the form sent, to put back in its fields after an error (never a password). */
function valuesOf(raw: unknown, echo?: readonly string[]): Record<string, string> {
  if (!raw || typeof raw !== "object") return {};
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>)
      .filter(([k, v]) => (typeof v === "string" || typeof v === "number") && !/password/i.test(k))
      .filter(([k]) => !echo || echo.includes(k))
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
  type Done = { input: z.infer<S>; data: O };
  // The state for the form, and after a success what was done (for the pages to refresh).
  const perform = async (scope: Scope | null, raw: unknown): Promise<[ActionState<O>, Done?]> => {
    const values = valuesOf(raw, definition.echo);
    const fail = (message: string, fieldErrors: Record<string, string> = {}): [ActionState<O>] => [
      { status: "error", message, fieldErrors, values },
    ];
    if (!scope) return fail("Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại; dữ liệu bạn nhập vẫn còn trên màn hình.");
    // Every action writes: a body that has ended keeps its records but adds nothing (its successors do).
    if (scope.organizationEndedOn)
      return fail(endedBodyMessage(scope.organizationName ?? "Cơ quan", scope.organizationEndedOn));
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
        // The audit entries are written together when the work is done, in the same transaction.
        const entries: AuditEntry[] = [];
        const result = await definition.run({
          scope,
          db,
          input: parsed.data,
          audit: async (entry) => void entries.push(entry),
        });
        await recordAudits(db, scope, entries);
        return result;
      });
      return [
        { status: "ok", data },
        { input: parsed.data, data },
      ];
    } catch (error) {
      if (error instanceof NotFoundError)
        return fail("Không tìm thấy đối tượng (có thể đã bị xóa hoặc bạn không có quyền xem).");
      if (error instanceof ForbiddenError || error instanceof ConflictError) return fail(error.message);
      if (error instanceof FieldError) return fail(error.message, { [error.field]: error.message });
      if (error instanceof FieldErrors) return fail(error.message, error.fields);
      // Nothing was committed, or the commit's answer was lost with the connection: a retry then meets
      // the version check. Either way the form keeps what was typed.
      if (isDatabaseUnavailable(error)) return fail(DATABASE_UNAVAILABLE_ERROR);
      logger.error({ err: error, action: definition.name }, "action failed");
      return fail(GENERIC_ERROR);
    }
  };
  // What the browser calls: the session's scope, the action, then the pages it declared refreshed.
  const serve = async (raw: unknown): Promise<ActionState<O>> => {
    const [result, done] = await perform(await currentScope(), raw);
    if (done && definition.revalidate)
      for (const target of definition.revalidate(done))
        if (typeof target === "string") revalidatePath(target);
        else if ("tag" in target) revalidateTag(target.tag, target.now ? { expire: 0 } : "max");
        else revalidatePath(target.path, target.type);
    return result;
  };
  const action: Action<S, O> = {
    ...definition,
    execute: async (scope, raw) => (await perform(scope, raw))[0],
    formAction: async (_previous, formData) =>
      serve(Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith("$ACTION")))),
    call: async (input) => serve(input),
  };
  if (actionRegistry.has(definition.name)) throw new Error(`Action ${definition.name} is defined twice`);
  actionRegistry.set(definition.name, action);
  return action;
}

/** Every page of one plan (its page, editor, results, reports, dashboard), for the actions that change it. */
export function planPages(planId: string): Revalidation {
  return { path: `/plans/${planId}`, type: "layout" };
}

/**
 * The public pages' data of a plan. `published`: the plan was published or withdrawn, which changes
 * the list of published plans and the pages of its parent and children too, so every public entry is
 * read again at once; otherwise (results saved) only the plan's own page, in the background.
 */
export function publicData(planId: string, options: { published?: boolean } = {}): Revalidation[] {
  return options.published ? [{ tag: PUBLIC_TAG, now: true }] : [{ tag: publicPlanTag(planId) }];
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

/** Several such failures at once (a bulk write reports every row it refuses); nothing is written. */
export class FieldErrors extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
  }
}
