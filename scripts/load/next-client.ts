import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { actionResult, routerStateHeader } from "./flight";

// The app over HTTP as its browser code drives it: a page is fetched as a document; a server action
// is a POST to the page's URL with the action's id (from the build's server-reference manifest) in
// `Next-Action`, its arguments encoded by React's own `encodeReply` (the function the browser's
// client uses), and the page's router state in `Next-Router-State-Tree`, so that the server runs
// exactly the code path a click runs: the action, then, when it revalidates, the page's re-render.

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.edge") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

/** A server action by the file that exports it and its name, e.g. src/features/results/server-actions.ts#saveActualsAction. */
export type ActionRef = `${string}#${string}`;

/** The ids of the build's server actions, by `file#export`. */
export function readActionIds(buildDir = ".next"): Map<ActionRef, string> {
  const file = path.resolve(buildDir, "server/server-reference-manifest.json");
  let manifest: { node?: Record<string, { filename?: string; exportedName?: string }> };
  try {
    manifest = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`Không đọc được ${file}: cần bản build của ứng dụng (next build) đang chạy.`);
  }
  const ids = new Map<ActionRef, string>();
  for (const [id, entry] of Object.entries(manifest.node ?? {}))
    if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  return ids;
}

export function actionId(ids: Map<ActionRef, string>, ref: ActionRef): string {
  const id = ids.get(ref);
  if (!id) throw new Error(`Bản build không có server action ${ref} (đã đổi tên hoặc chuyển chỗ?)`);
  return id;
}

export type PageResponse = { status: number; html: string };

export async function getPage(base: string, pathname: string, cookie: string, signal?: AbortSignal) {
  const response = await fetch(`${base}${pathname}`, {
    redirect: "manual",
    headers: { cookie, accept: "text/html" },
    signal,
  });
  return { status: response.status, html: await response.text() } satisfies PageResponse;
}

/** The router state header for server actions called from a page, from the page's HTML. */
export { routerStateHeader };

export type ActionResponse = { status: number; result: unknown; revalidated: boolean };

export async function callAction(
  base: string,
  options: {
    /** The page the action is called from (its path and query). */
    page: string;
    id: string;
    args: unknown[];
    cookie: string;
    routerState: string;
    signal?: AbortSignal;
  },
): Promise<ActionResponse> {
  const body = await encodeReply(options.args);
  const headers: Record<string, string> = {
    accept: "text/x-component",
    "next-action": options.id,
    "next-router-state-tree": options.routerState,
    origin: base,
    cookie: options.cookie,
  };
  // What fetch() sets for a string body; a FormData body gets its multipart boundary from fetch itself.
  if (typeof body === "string") headers["content-type"] = "text/plain;charset=UTF-8";
  const response = await fetch(`${base}${options.page}`, {
    method: "POST",
    redirect: "manual",
    headers,
    body,
    signal: options.signal,
  });
  const text = await response.text();
  const revalidated = (response.headers.get("x-action-revalidated") ?? "0") !== "0";
  if (response.status !== 200 || !(response.headers.get("content-type") ?? "").includes("text/x-component"))
    return { status: response.status, result: text.slice(0, 300), revalidated };
  return { status: response.status, result: actionResult(text), revalidated };
}

/** A FormData with the fields a form's inputs would send, in order. */
export function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}
