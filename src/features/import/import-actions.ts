import "server-only";
import { z } from "zod";
import { parseDocumentNumber } from "@/domain/document-number";
import { readTarget } from "@/domain/indicator-assessment";
import { createPlanFromDocument } from "@/features/plans/create-plan";
import { parentIndicatorMatcher, parentTaskMatcher } from "@/features/plans/match-parent";
import { parentItems } from "@/features/plans/parent-document";
import { planDocumentSchema, type DocumentIndicator, type PlanDocument } from "@/features/plans/plan-document";
import { defineAction, FieldError } from "@/server/actions";
import type { ScopedDb } from "@/server/db/scoped";
import { visiblePlans } from "@/server/db/scoped";
import { NotFoundError } from "@/server/errors";
import type { OrganizationRef } from "@/server/relations";
import { documentBeyondLimits, jsonDepth } from "./document-shape";
import { LIMIT_MESSAGES, MAX_DEPTH } from "./limits";

// Confirming an import: the corrected document becomes a DRAFT plan of the user's own
// organisation (never an issued one), linked to the parent the user chose, in one transaction
// with its audit record.

export const MAX_DOCUMENT_CHARS = 3_000_000;

const ISSUE_MESSAGES: Record<string, string> = {
  too_small: "Không được để trống",
  invalid_type: "Thiếu hoặc sai kiểu dữ liệu",
  invalid_format: "Sai định dạng",
  invalid_value: "Giá trị không hợp lệ",
  unrecognized_keys: "Có trường không hợp lệ",
};

function vietnamese(issue: z.core.$ZodIssue): string {
  const field = issue.path[issue.path.length - 1];
  if (field === "issuedOn") return "Ngày ban hành viết dạng năm-tháng-ngày, ví dụ 2024-05-15";
  if (field === "key") return "Mã văn bản chỉ gồm chữ thường không dấu, số và dấu gạch ngang";
  if (issue.path.includes("targets") && issue.code === "invalid_key") return "Năm của chỉ tiêu phải có 4 chữ số";
  if (field === "title" && issue.code === "too_small") return "Hãy nhập trích yếu của văn bản";
  if (field === "name" && issue.code === "too_small") return "Hãy nhập tên chỉ tiêu";
  return ISSUE_MESSAGES[issue.code] ?? "Giá trị không hợp lệ";
}

/** Checks the domain rules the schema does not: the number, every target as written. */
function checkDocument(document: PlanDocument, ctx: z.RefinementCtx) {
  const number = parseDocumentNumber(document.number);
  if (!number.ok)
    ctx.addIssue({
      code: "custom",
      message: document.number.trim()
        ? number.error
        : "Hãy nhập số, ký hiệu văn bản (văn bản chưa có số viết dạng /KH-UBND hoặc -KH/TU)",
      path: ["number"],
    });
  const visit = (indicators: DocumentIndicator[], path: (string | number)[]) =>
    indicators.forEach((indicator, i) => {
      for (const [year, text] of Object.entries(indicator.targets ?? {})) {
        // Words are a target only where the unit is not a measure, or the reviewer marked it "định tính".
        const parsed = readTarget(text, indicator);
        if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error, path: [...path, i, "targets", year] });
      }
      visit(indicator.children ?? [], [...path, i, "children"]);
    });
  visit(document.indicators, ["indicators"]);
}

const documentInput = z
  .string({ message: "Thiếu nội dung văn bản" })
  .min(2, "Thiếu nội dung văn bản")
  .max(MAX_DOCUMENT_CHARS, "Văn bản quá lớn")
  .transform((text, ctx) => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: "custom", message: "Nội dung gửi lên không đọc được; hãy tải lại trang và nhập lại tệp" });
      return z.NEVER;
    }
    // Measured without recursion before zod's recursive schemas walk it: a document 20,000 levels
    // deep would overflow their stack, and one with 15,000 tasks would hold the server.
    // (A document's own nesting, plus the few levels of its fields, is well under 4 × MAX_DEPTH.)
    const beyond = jsonDepth(raw, 4 * MAX_DEPTH) > 4 * MAX_DEPTH ? LIMIT_MESSAGES.tooDeep : documentBeyondLimits(raw);
    if (beyond) {
      ctx.addIssue({ code: "custom", message: beyond });
      return z.NEVER;
    }
    const parsed = planDocumentSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({
          code: "custom",
          message: vietnamese(issue),
          path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
        });
      return z.NEVER;
    }
    checkDocument(parsed.data, ctx);
    return parsed.data;
  });

export const confirmImportInput = z.object({
  document: documentInput,
  parentId: z.union([z.literal(""), z.string().uuid("Văn bản cấp trên không hợp lệ")], {
    message: "Văn bản cấp trên không hợp lệ",
  }),
});

export async function ownOrganization(db: ScopedDb, organizationId: string | null): Promise<OrganizationRef> {
  if (!organizationId)
    throw new FieldError("_form", "Tài khoản của bạn chưa thuộc đơn vị nào nên chưa nhập được kế hoạch.");
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: { id: true, adminUnitId: true, provinceCode: true, adminUnit: { select: { level: true } } },
  });
  if (!organization) throw new NotFoundError("Không tìm thấy đơn vị");
  return {
    id: organization.id,
    adminUnitId: organization.adminUnitId,
    provinceCode: organization.provinceCode,
    adminUnitLevel: organization.adminUnit.level,
  };
}

function countNodes<T extends { children?: T[] }>(items: T[], keep: (item: T) => boolean = () => true): number {
  return items.reduce((n, item) => n + (keep(item) ? 1 : 0) + countNodes(item.children ?? [], keep), 0);
}

/** A tree's nodes, parents before their children. */
function flatten<T extends { children: T[] }>(nodes: T[]): T[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

export const confirmImport = defineAction({
  name: "import.confirm",
  permission: "plans.edit",
  input: confirmImportInput,
  subject: (db, _input, scope) => ownOrganization(db, scope.organizationId),
  async run({ db, scope, input, audit }) {
    const parentId = input.parentId || null;
    if (parentId) {
      const parent = await db.plan.findFirst({
        where: { AND: [{ id: parentId }, visiblePlans(scope)] },
        select: { id: true },
      });
      if (!parent)
        throw new FieldError(
          "parentId",
          "Không tìm thấy văn bản cấp trên này (có thể đã bị xóa hoặc bạn không có quyền xem).",
        );
    }
    // What was imported is a draft of the user's own body: keys of other documents do not apply.
    const document: PlanDocument = { ...input.document, parentKey: null, citedKeys: [] };
    // Its indicators are linked to the parent's they localise, as if the plan had been copied from it:
    // the parent's rollup then places their results, and the parent's later changes reach them.
    const parent = parentId ? await parentItems(db, parentId) : null;
    const matchParentIndicator = parent
      ? parentIndicatorMatcher(
          parent.indicators.map((i) => i.loaded),
          (node) => node.source,
        )
      : undefined;
    const matchParentTask = parent
      ? parentTaskMatcher(
          parent.tasks.map((t) => t.loaded),
          (node) => node.source,
        )
      : undefined;
    const { id, rows } = await createPlanFromDocument(
      db,
      scope,
      document,
      { status: "DRAFT", parentId, citedPlanIds: [], matchParentIndicator, matchParentTask },
      audit,
    );
    // What the parent had that the document did not take up is not news: recorded as declined, so
    // that only what the parent adds from now on is offered to this plan (parent-change-actions.ts).
    const linked = new Set([...rows.tasks, ...rows.indicators].map((item) => item.derivedFromId));
    const declined = parent
      ? [
          ...flatten(parent.tasks.map((t) => t.loaded))
            .filter((t) => !linked.has(t.id))
            .map((t) => ({ itemType: "TASK" as const, itemId: t.id })),
          ...flatten(parent.indicators.map((i) => i.loaded))
            .filter((i) => !linked.has(i.id))
            .map((i) => ({ itemType: "INDICATOR" as const, itemId: i.id })),
        ]
      : [];
    if (declined.length)
      await db.inheritanceDecision.createMany({
        data: declined.map((d) => ({
          ...d,
          planId: id,
          kind: "ADDED" as const,
          accepted: false,
          decidedById: scope.userId,
        })),
      });
    await audit({
      action: "plan.import",
      entityType: "Plan",
      entityId: id,
      after: {
        title: document.title,
        number: document.number,
        tasks: rows.tasks.length,
        indicators: countNodes(document.indicators, (i) => !i.isGroup),
        linkedToParent: rows.indicators.filter((i) => !i.isGroup && i.derivedFromId).length,
        tasksLinkedToParent: rows.tasks.filter((t) => t.derivedFromId).length,
        declinedFromParent: declined.length,
      },
    });
    return { planId: id };
  },
  revalidate: () => ["/plans"],
  // The document is sent back as the browser typed it, not echoed (it can be large).
  echo: ["parentId"],
});
