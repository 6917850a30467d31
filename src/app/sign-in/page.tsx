import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/features/accounts/sign-in-form";
import { currentScope } from "@/server/auth/session";
import { localPath } from "@/server/local-path";

export const metadata: Metadata = { title: "Đăng nhập" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only paths of this site, so the sign-in page cannot be used to send people elsewhere.
  const target = localPath(callbackUrl);
  if (await currentScope()) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <div>
          <h1 className="text-xl font-semibold">Đăng nhập</h1>
          <p className="text-sm text-stone-600">
            Hệ thống theo dõi thực hiện kế hoạch của cấp ủy và chính quyền các cấp.
          </p>
        </div>
        <SignInForm callbackUrl={target} />
      </div>
    </main>
  );
}
