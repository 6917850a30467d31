import type { Metadata } from "next";
import { dateTimeInVietnam, dayInVietnam } from "@/domain/vietnam-time";
import { CreateTokenForm, TokenTable, type TokenView } from "@/features/api/api-tokens-panel";
import { listApiTokens } from "@/features/api/token-queries";
import { withScope } from "@/server/db/scoped";
import { requirePage } from "@/server/routes";

export const metadata: Metadata = { title: "Mã truy cập API" };

// An administrator's API tokens for their body (ADR 0035): make, list with last use, revoke.
export default async function ApiTokensPage() {
  const scope = await requirePage("/admin/api-tokens");
  const now = new Date();
  const tokens: TokenView[] = (await withScope(scope, (db) => listApiTokens(db, scope))).map((t) => {
    const expired = t.expiresAt !== null && t.expiresAt <= now;
    return {
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      access: t.canWriteResults ? "Đọc và ghi kết quả" : "Chỉ đọc",
      createdAt: dayInVietnam(t.createdAt),
      createdBy: t.createdBy,
      expires: t.expiresAt ? dayInVietnam(t.expiresAt) : "Không hết hạn",
      lastUsed: t.lastUsedAt ? dateTimeInVietnam(t.lastUsedAt) : "Chưa dùng",
      state: t.revokedAt ? `Đã thu hồi ${dayInVietnam(t.revokedAt)}` : expired ? "Đã hết hạn" : "Đang dùng",
      revocable: t.revokedAt === null,
      version: t.version,
    };
  });
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Mã truy cập API</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          Hệ thống khác dùng mã truy cập để đọc kế hoạch, chỉ tiêu và kết quả mà cán bộ của{" "}
          {scope.organizationName ?? "cơ quan"} được xem, và (nếu được cấp quyền ghi) gửi kết quả thực hiện hằng năm. Mã
          chỉ hiện một lần khi tạo; hệ thống chỉ lưu bản băm.
        </p>
      </div>
      {scope.organizationId ? <CreateTokenForm /> : <p className="text-sm">Hãy chọn cơ quan bạn đang làm việc cho.</p>}
      <section aria-labelledby="token-list">
        <h2 id="token-list" className="mb-2 text-lg font-semibold">
          Các mã đã tạo
        </h2>
        <TokenTable tokens={tokens} />
      </section>
    </main>
  );
}
