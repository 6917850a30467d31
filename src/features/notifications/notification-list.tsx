"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ActionState } from "@/server/actions";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./server-actions";

export type NotificationItem = {
  id: string;
  title: string;
  body: string;
  link: string | null;
  /** dd/mm/yyyy hh:mm in Vietnam, formatted on the server. */
  createdAt: string;
  read: boolean;
};

function ErrorLine({ state }: { state: ActionState }) {
  return state.status === "error" ? (
    <p role="alert" className="text-sm text-red-700">
      {state.message}
    </p>
  ) : null;
}

function MarkRead({ id, title }: { id: string; title: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(markNotificationReadAction, {
    status: "idle",
  });
  return (
    <form action={action} className="shrink-0">
      <input type="hidden" name="notificationId" value={id} />
      <button
        disabled={pending}
        aria-label={`Đánh dấu đã đọc: ${title}`}
        className="rounded border border-stone-300 bg-white px-2 py-0.5 text-sm hover:bg-stone-50 disabled:opacity-50"
      >
        {pending ? "Đang lưu…" : "Đánh dấu đã đọc"}
      </button>
      <ErrorLine state={state} />
    </form>
  );
}

export function MarkAllRead({ unread }: { unread: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(markAllNotificationsReadAction, {
    status: "idle",
  });
  if (unread === 0) return null;
  return (
    <form action={action}>
      <button
        disabled={pending}
        className="rounded bg-brand-700 px-3 py-1 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-50"
      >
        {pending ? "Đang lưu…" : `Đánh dấu tất cả là đã đọc (${unread})`}
      </button>
      <ErrorLine state={state} />
    </form>
  );
}

export function NotificationList({ items }: { items: NotificationItem[] }) {
  return (
    <ul
      className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
      aria-label="Danh sách thông báo"
    >
      {items.map((n) => (
        <li
          key={n.id}
          data-testid="notification"
          data-read={n.read ? "true" : "false"}
          className={`flex items-start gap-3 p-3 ${n.read ? "" : "border-l-4 border-l-brand-700 bg-amber-50"}`}
        >
          <div className="min-w-0 flex-1">
            <p className={n.read ? "text-stone-800" : "font-semibold text-stone-950"}>
              {n.read ? null : <span className="sr-only">Chưa đọc: </span>}
              {n.link ? (
                <Link href={n.link} className="hover:underline">
                  {n.title}
                </Link>
              ) : (
                n.title
              )}
            </p>
            <p className="mt-0.5 text-sm text-stone-700">{n.body}</p>
            <p className="mt-0.5 text-xs text-stone-500">{n.createdAt}</p>
          </div>
          {n.read ? (
            <span className="shrink-0 text-xs text-stone-500">Đã đọc</span>
          ) : (
            <MarkRead id={n.id} title={n.title} />
          )}
        </li>
      ))}
    </ul>
  );
}
