"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { inputStyle } from "@/ui/input-style";

const MESSAGES: Record<string, string> = {
  INVALID: "Tên đăng nhập hoặc mật khẩu không đúng.",
  LOCKED:
    "Đăng nhập tạm thời bị khóa vì nhập sai nhiều lần. Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị đơn vị.",
};

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    setPending(false);
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setError(MESSAGES[result?.error ?? ""] ?? "Không đăng nhập được. Vui lòng thử lại.");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <label className="block text-sm font-semibold">
        Tên đăng nhập
        <input name="username" autoComplete="username" required autoFocus className={inputStyle.field} />
      </label>
      <label className="block text-sm font-semibold">
        Mật khẩu
        <input name="password" type="password" autoComplete="current-password" required className={inputStyle.field} />
      </label>
      {error ? (
        <p role="alert" data-testid="sign-in-error" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <button
        disabled={pending}
        className="w-full rounded bg-brand-700 px-3 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Đang đăng nhập…" : "Đăng nhập"}
      </button>
    </form>
  );
}
