import "server-only";
import type { ScopedDb } from "@/server/db/scoped";
import { ConflictError } from "@/server/errors";

// Write guards of plan content: drafts only, and the version the user read.

/** Issued plans are not edited in place: a change after issue starts an amendment. */
export async function requireDraft(db: ScopedDb, planId: string) {
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { status: true } });
  if (plan.status !== "DRAFT")
    throw new ConflictError(
      "Kế hoạch đã ban hành không sửa trực tiếp được. Hãy bấm “Sửa đổi, bổ sung” để mở một bản sửa đổi (bản đã ban hành được lưu lại trong lịch sử).",
    );
}

/** Optimistic concurrency: the row must still be at the version the user read. */
export function staleGuard(count: number, what: string) {
  if (count === 0)
    throw new ConflictError(
      `${what} vừa được người khác lưu thay đổi. Nội dung bạn nhập vẫn được giữ trên màn hình: hãy tải lại trang để xem bản mới rồi nhập lại.`,
    );
}
