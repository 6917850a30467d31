import type { Scope } from "@/server/db/scope";
import { visiblePlans, type ScopedDb } from "@/server/db/scoped";
import { ConflictError, NotFoundError } from "@/server/errors";
import type { OrganizationRef } from "@/server/relations";

/** The body that owns a plan, for the permission check; "not found" if the scope cannot see the plan. */
export async function planOwner(db: ScopedDb, scope: Scope, planId: string): Promise<OrganizationRef> {
  const plan = await db.plan.findFirst({
    where: { AND: [{ id: planId }, visiblePlans(scope)] },
    select: {
      issuer: { select: { id: true, adminUnitId: true, provinceCode: true, adminUnit: { select: { level: true } } } },
    },
  });
  if (!plan) throw new NotFoundError("Không tìm thấy kế hoạch");
  const { issuer } = plan;
  return {
    id: issuer.id,
    adminUnitId: issuer.adminUnitId,
    provinceCode: issuer.provinceCode,
    adminUnitLevel: issuer.adminUnit.level,
  };
}

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
