"use client";

import { useActionState } from "react";
import { ActionForm, SelectField, TextField } from "@/ui/form";
import { createApiTokenAction, revokeApiTokenAction } from "./server-actions";

// The administrators' page of API tokens: make one (its secret is shown here once, and cannot be
// shown again), see each token's last use, revoke one.

export type TokenView = {
  id: string;
  name: string;
  prefix: string;
  access: string;
  createdAt: string;
  createdBy: string;
  expires: string;
  lastUsed: string;
  state: string;
  revocable: boolean;
  version: number;
};

const ACCESS_OPTIONS = [
  { value: "read", label: "Chỉ đọc" },
  { value: "write", label: "Đọc và ghi kết quả" },
] as const;

export function CreateTokenForm() {
  const [state, formAction, pending] = useActionState(createApiTokenAction, { status: "idle" });
  return (
    <div className="space-y-3">
      <ActionForm
        state={state}
        action={formAction}
        aria-label="Tạo mã truy cập API"
        className="grid max-w-2xl gap-3 rounded-lg border border-slate-300 p-4 sm:grid-cols-3"
      >
        <TextField name="name" label="Tên gợi nhớ" hint="Ví dụ: Hệ thống báo cáo của Sở" required maxLength={100} />
        <SelectField name="access" label="Quyền" options={ACCESS_OPTIONS} initial="read" />
        <TextField
          name="expiresOn"
          label="Hết hạn ngày"
          hint="dd/mm/yyyy; để trống: không hết hạn"
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
        />
        <div className="flex items-center gap-3 sm:col-span-3">
          <button
            disabled={pending}
            className="rounded bg-sky-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
          >
            {pending ? "Đang tạo…" : "Tạo mã truy cập"}
          </button>
          <p aria-live="polite" className="text-sm">
            {state.status === "error" ? <span className="text-red-700">{state.message}</span> : null}
          </p>
        </div>
      </ActionForm>
      {state.status === "ok" ? (
        <div
          role="status"
          aria-label="Mã truy cập mới"
          className="max-w-2xl rounded-lg border border-emerald-400 bg-emerald-50 p-4"
        >
          <p className="text-sm font-semibold">Đã tạo mã. Hãy sao chép ngay: mã chỉ hiện một lần này.</p>
          <code data-testid="new-token-secret" className="mt-2 block break-all rounded bg-white p-2 font-mono text-sm">
            {state.data.secret}
          </code>
          <p className="mt-2 text-xs text-slate-700">
            Gửi kèm mỗi yêu cầu: <code>Authorization: Bearer {state.data.prefix}…</code>. Tài liệu API:{" "}
            <a href="/api/v1/openapi.json" className="underline">
              /api/v1/openapi.json
            </a>
          </p>
        </div>
      ) : null}
    </div>
  );
}

function RevokeButton({ token }: { token: TokenView }) {
  const [state, formAction, pending] = useActionState(revokeApiTokenAction, { status: "idle" });
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="tokenId" value={token.id} />
      <input type="hidden" name="version" value={token.version} />
      <button
        disabled={pending}
        aria-label={`Thu hồi mã ${token.name}`}
        className="rounded border border-red-600 px-2 py-0.5 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? "Đang thu hồi…" : "Thu hồi"}
      </button>
      {state.status === "error" ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

export function TokenTable({ tokens }: { tokens: TokenView[] }) {
  if (tokens.length === 0) return <p className="text-sm text-slate-700">Cơ quan chưa có mã truy cập API nào.</p>;
  return (
    <table className="w-full max-w-5xl text-left text-sm">
      <caption className="sr-only">Các mã truy cập API của cơ quan</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-3">
            Tên
          </th>
          <th scope="col" className="py-1 pr-3">
            Mã bắt đầu bằng
          </th>
          <th scope="col" className="py-1 pr-3">
            Quyền
          </th>
          <th scope="col" className="py-1 pr-3">
            Tạo ngày / người tạo
          </th>
          <th scope="col" className="py-1 pr-3">
            Hết hạn
          </th>
          <th scope="col" className="py-1 pr-3">
            Dùng lần cuối
          </th>
          <th scope="col" className="py-1 pr-3">
            Tình trạng
          </th>
          <th scope="col" className="py-1">
            <span className="sr-only">Thao tác</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id} className="border-b border-slate-200" data-testid="api-token-row">
            <td className="py-1 pr-3">{token.name}</td>
            <td className="py-1 pr-3 font-mono">{token.prefix}…</td>
            <td className="py-1 pr-3">{token.access}</td>
            <td className="py-1 pr-3">
              {token.createdAt} · {token.createdBy}
            </td>
            <td className="py-1 pr-3">{token.expires}</td>
            <td className="py-1 pr-3">{token.lastUsed}</td>
            <td className="py-1 pr-3">{token.state}</td>
            <td className="py-1">{token.revocable ? <RevokeButton token={token} /> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
