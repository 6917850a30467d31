import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { parseVietnameseDate } from "@/domain/reporting-calendar";
import { issueDateProblem } from "@/domain/body-validity";
import { defineAction, FieldError, planPages, publicData } from "@/server/actions";
import { visiblePlans, type ScopedDb } from "@/server/db/scoped";
import { ConflictError, NotFoundError } from "@/server/errors";
import { todayInVietnam } from "@/domain/vietnam-time";
import { asTree } from "@/domain/tree";
import { createPlanFromDocument } from "./create-plan";
import { parentAsDocument } from "./parent-document";
import { planOwner } from "@/server/plan-access";
import { requireDraft, staleGuard } from "./subject";
import { parentPlanChanged } from "@/features/notifications/events";

// The life of a plan: started from its parent, edited as a draft, issued with a number, date and
// signer, and amended afterwards without losing the issued text (plan_versions).

const planId = z.string().uuid("Kế hoạch không hợp lệ");
const version = z.coerce.number().int().min(1);
const text = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`);
const optionalText = (max: number) => text(max).transform((v) => (v === "" ? null : v));

/** The issuer code in a document number, from the body's name: Tỉnh ủy → TU, Thành ủy → ThU … */
export function issuerCodeFor(name: string, track: string): string {
  const rules: [RegExp, string][] = [
    [/^Tỉnh ủy/i, "TU"],
    [/^Thành ủy/i, "ThU"],
    [/^Thị ủy/i, "TXU"],
    [/^Huyện ủy/i, "HU"],
    [/^Đảng ủy/i, "ĐU"],
    [/^(UBND|Ủy ban nhân dân)/i, "UBND"],
  ];
  return rules.find(([pattern]) => pattern.test(name))?.[1] ?? (track === "STATE" ? "UBND" : "ĐU");
}

export const createImplementingPlan = defineAction({
  name: "plans.createImplementing",
  permission: "plans.implement",
  input: z.object({ parentId: planId, title: text(500).min(5, "Hãy nhập trích yếu của kế hoạch (ít nhất 5 ký tự)") }),
  subject: (db, input, scope) => planOwner(db, scope, input.parentId),
  async run({ db, scope, input, audit }) {
    const organization = await db.organization.findUniqueOrThrow({
      where: { id: scope.organizationId! },
      include: { adminUnit: true },
    });
    const track = organization.track === "STATE" ? "STATE" : "PARTY";
    const code = issuerCodeFor(organization.name, track);
    const { document, derivedFrom } = await parentAsDocument(db, input.parentId, {
      key: "new-plan",
      number: track === "STATE" ? `/KH-${code}` : `-KH/${code}`,
      title: input.title,
      track,
      place: organization.adminUnit.name,
    });
    const { id, rows } = await createPlanFromDocument(
      db,
      scope,
      document,
      { status: "DRAFT", parentId: input.parentId, citedPlanIds: [], derivedFrom },
      audit,
    );
    await audit({
      action: "plan.createImplementing",
      entityType: "Plan",
      entityId: id,
      after: {
        parentId: input.parentId,
        title: input.title,
        tasks: rows.tasks.length,
        indicators: rows.indicators.length,
      },
    });
    return { planId: id };
  },
});

const headerFields = {
  title: text(500).min(5, "Trích yếu cần ít nhất 5 ký tự"),
  purpose: optionalText(20000),
  requirements: optionalText(20000),
  generalObjective: optionalText(20000),
  vision: optionalText(20000),
  funding: optionalText(20000),
  implementation: optionalText(40000),
};

export const updatePlanHeader = defineAction({
  name: "plans.updateHeader",
  permission: "plans.edit",
  input: z.object({ planId, version, ...headerFields }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    await requireDraft(db, input.planId);
    const { planId: id, version: seen, ...fields } = input;
    const before = await db.plan.findUniqueOrThrow({
      where: { id },
      select: {
        title: true,
        purpose: true,
        requirements: true,
        generalObjective: true,
        vision: true,
        funding: true,
        implementation: true,
      },
    });
    const { count } = await db.plan.updateMany({
      where: { id, version: seen },
      data: { ...fields, version: { increment: 1 } },
    });
    staleGuard(count, "Kế hoạch");
    await audit({ action: "plan.updateHeader", entityType: "Plan", entityId: id, before, after: fields });
    return { version: seen + 1 };
  },
  revalidate: ({ input }) => [planPages(input.planId)],
});

/**
 * Everything a plan says, frozen: kept when it is issued, so amendments never lose the issued text.
 * Who may read the rows (visibleTo) is not what the plan says, and would go stale once published.
 */
export async function planSnapshot(db: ScopedDb, id: string) {
  const notSaid = { visibleTo: true } as const;
  const plan = await db.plan.findUniqueOrThrow({
    where: { id },
    // The search text is derived from what the plan says, for the plan list only.
    omit: { searchText: true },
    include: {
      tasks: {
        omit: notSaid,
        orderBy: [{ parentTaskId: "asc" }, { position: "asc" }],
        include: { assignments: { omit: notSaid, include: { organization: { select: { name: true } } } } },
      },
      indicators: {
        omit: notSaid,
        orderBy: [{ parentIndicatorId: "asc" }, { position: "asc" }],
        include: { targets: { omit: notSaid, orderBy: { year: "asc" } } },
      },
    },
  });
  // Kept in the plan's own order (a tree by position), as it reads.
  return {
    ...plan,
    tasks: asTree(plan.tasks, (t) => t.parentTaskId).map(({ item }) => item),
    indicators: asTree(plan.indicators, (i) => i.parentIndicatorId).map(({ item }) => item),
  };
}

export const issuePlan = defineAction({
  name: "plans.issue",
  permission: "plans.issue",
  input: z.object({
    planId,
    version,
    numberSerial: z
      .string()
      .trim()
      .regex(/^\d{1,6}$/, "Số văn bản là một số, ví dụ 222"),
    issuedOn: z
      .string()
      .trim()
      .transform((value, ctx) => {
        const iso = parseVietnameseDate(value);
        if (!iso) {
          ctx.addIssue({ code: "custom", message: "Ngày không hợp lệ: hãy nhập ngày/tháng/năm, ví dụ 15/05/2024" });
          return z.NEVER;
        }
        // "Today" is the calendar day in Vietnam, whatever the server's time zone.
        if (iso > todayInVietnam()) {
          ctx.addIssue({ code: "custom", message: "Ngày ban hành không thể ở tương lai" });
          return z.NEVER;
        }
        return iso;
      }),
    signerName: text(120).min(2, "Hãy nhập họ tên người ký"),
    signerTitle: text(120).min(2, "Hãy nhập chức vụ người ký, ví dụ PHÓ BÍ THƯ"),
    signingForm: optionalText(120),
  }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    await requireDraft(db, input.planId);
    // A body issues only while it exists: a successor amending a predecessor's record dates it within that life.
    const { issuer } = await db.plan.findUniqueOrThrow({
      where: { id: input.planId },
      select: { issuer: { select: { name: true, validFrom: true, validTo: true } } },
    });
    const outside = issueDateProblem(input.issuedOn, {
      name: issuer.name,
      validFrom: issuer.validFrom?.toISOString().slice(0, 10) ?? null,
      validTo: issuer.validTo?.toISOString().slice(0, 10) ?? null,
    });
    if (outside) throw new FieldError("issuedOn", outside);
    const { count } = await db.plan.updateMany({
      where: { id: input.planId, version: input.version },
      data: {
        status: "ISSUED",
        numberSerial: input.numberSerial,
        issuedOn: new Date(`${input.issuedOn}T00:00:00Z`),
        signerName: input.signerName,
        signerTitle: input.signerTitle,
        signingForm: input.signingForm,
        version: { increment: 1 },
      },
    });
    staleGuard(count, "Kế hoạch");
    const issued = await planSnapshot(db, input.planId);
    await db.planVersion.create({
      data: {
        id: randomUUID(),
        planId: input.planId,
        version: issued.version,
        snapshot: JSON.parse(JSON.stringify(issued)),
        reason: "Ban hành",
      },
    });
    await audit({
      action: "plan.issue",
      entityType: "Plan",
      entityId: input.planId,
      after: { numberSerial: input.numberSerial, issuedOn: input.issuedOn, signerName: input.signerName },
    });
    // The bodies implementing it are told once the change is official (a draft binds nobody).
    await parentPlanChanged(db, input.planId, issued.version);
    return { version: issued.version };
  },
  revalidate: ({ input }) => [planPages(input.planId)],
});

export const amendPlan = defineAction({
  name: "plans.amend",
  permission: "plans.edit",
  input: z.object({ planId, version, reason: text(500).min(5, "Hãy ghi lý do sửa đổi, bổ sung (ít nhất 5 ký tự)") }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    const plan = await db.plan.findUnique({ where: { id: input.planId }, select: { status: true, publishedAt: true } });
    if (!plan) throw new NotFoundError("Không tìm thấy kế hoạch");
    if (plan.status !== "ISSUED")
      throw new ConflictError("Kế hoạch đang là dự thảo: sửa trực tiếp, không cần mở bản sửa đổi.");
    // Plans issued before they were entered here have no stored issued text yet: keep it now. Issuing
    // here always keeps the issued text, and nothing but issuing changes it (publishing raises the
    // version, not the text), so any kept copy is the text as issued.
    const kept = await db.planVersion.findFirst({ where: { planId: input.planId }, select: { id: true } });
    if (!kept) {
      const issued = await planSnapshot(db, input.planId);
      await db.planVersion.create({
        data: {
          id: randomUUID(),
          planId: input.planId,
          version: issued.version,
          snapshot: JSON.parse(JSON.stringify(issued)),
          reason: "Bản đã ban hành, lưu trước khi sửa đổi, bổ sung",
        },
      });
    }
    // A draft is never public: publication outside the province ends with the amendment (the rows are
    // restamped by the database, ADR 0010) and is given again, if wanted, once the plan is reissued.
    const { count } = await db.plan.updateMany({
      where: { id: input.planId, version: input.version },
      data: { status: "DRAFT", publishedAt: null, version: { increment: 1 } },
    });
    staleGuard(count, "Kế hoạch");
    await audit({
      action: "plan.amend",
      entityType: "Plan",
      entityId: input.planId,
      before: { status: "ISSUED", publishedAt: plan.publishedAt },
      after: { status: "DRAFT", publishedAt: null, reason: input.reason },
    });
    return { version: input.version + 1 };
  },
  revalidate: ({ input }) => [planPages(input.planId), ...publicData(input.planId, { published: true })],
});

/** Plans of bodies above that the user's body may implement (for the "Tạo kế hoạch thực hiện" choice). */
export async function canImplement(db: ScopedDb, scope: Parameters<typeof planOwner>[1], id: string): Promise<boolean> {
  const { relationTo } = await import("@/server/relations");
  const { permits, roleHolds } = await import("@/server/permissions");
  if (!roleHolds(scope.role, "plans.implement", scope.isSystemAdmin) || scope.organizationEndedOn) return false;
  const visible = await db.plan.findFirst({ where: { AND: [{ id }, visiblePlans(scope)] }, select: { id: true } });
  if (!visible) return false;
  return permits("plans.implement", relationTo(scope, await planOwner(db, scope, id)), scope.isSystemAdmin);
}

/** A published plan is visible outside its province (row-level security lets it through). */
export const publishPlan = defineAction({
  name: "plans.publish",
  permission: "plans.issue",
  input: z.object({ planId, version, publish: z.enum(["true", "false"]).transform((v) => v === "true") }),
  subject: (db, input, scope) => planOwner(db, scope, input.planId),
  async run({ db, input, audit }) {
    const plan = await db.plan.findUniqueOrThrow({
      where: { id: input.planId },
      select: { status: true, publishedAt: true },
    });
    if (input.publish && plan.status !== "ISSUED") throw new ConflictError("Chỉ công bố được kế hoạch đã ban hành.");
    const publishedAt = input.publish ? (plan.publishedAt ?? new Date()) : null;
    const { count } = await db.plan.updateMany({
      where: { id: input.planId, version: input.version },
      data: { publishedAt, version: { increment: 1 } },
    });
    staleGuard(count, "Kế hoạch");
    await audit({
      action: input.publish ? "plan.publish" : "plan.unpublish",
      entityType: "Plan",
      entityId: input.planId,
      before: { publishedAt: plan.publishedAt },
      after: { publishedAt },
    });
    return { published: input.publish, version: input.version + 1 };
  },
  revalidate: ({ input }) => [planPages(input.planId), ...publicData(input.planId, { published: true })],
});
