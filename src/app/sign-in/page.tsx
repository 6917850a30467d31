import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/features/accounts/sign-in-form";
import { currentScope } from "@/server/auth/session";
import { localPath } from "@/server/local-path";
import Link from "next/link";
import { MAIN_ID, SkipLink } from "@/ui/skip-link";

export const metadata: Metadata = { title: "Đăng nhập" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only paths of this site, so the sign-in page cannot be used to send people elsewhere.
  const target = localPath(callbackUrl);
  if (await currentScope()) redirect(target);
  return (
    <>
      <SkipLink />
      <main id={MAIN_ID} tabIndex={-1} className="flex min-h-screen items-center justify-center p-4 focus:outline-none">
        <div className="w-full max-w-sm space-y-6 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
          <div>
            <h1 className="text-xl font-semibold">Đăng nhập</h1>
            <p className="text-sm text-stone-600">
              Hệ thống theo dõi thực hiện kế hoạch của cấp ủy và chính quyền các cấp.
            </p>
          </div>
          <SignInForm callbackUrl={target} />
          <p className="border-t border-stone-200 pt-4 text-sm text-stone-700">
            Không cần đăng nhập để xem{" "}
            <Link href="/public" className="text-brand-700 underline">
              kết quả thực hiện các kế hoạch đã công bố
            </Link>
            .
          </p>
        </div>
      </main>
    </>
  );
}
