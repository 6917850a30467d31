import "server-only";
import { z } from "zod";
import { normalizeName } from "@/domain/vietnamese-text";
import { defineAction, FieldError } from "@/server/actions";

// The organisation tree is kept by system administrators: bodies are added, renamed, closed when
// they cease to exist (their plans stay on the record), and linked to the bodies that carry their
// work on. No organisation role holds "organizations.manage".

const kinds = [
  "PARTY_COMMITTEE",
  "PARTY_STANDING_COMMITTEE",
  "PARTY_BOARD",
  "PEOPLES_COUNCIL",
  "PEOPLES_COMMITTEE",
  "GOVERNMENT",
  "DEPARTMENT",
  "PUBLIC_SERVICE_UNIT",
  "FATHERLAND_FRONT",
  "SOCIO_POLITICAL",
  "COLLECTIVE",
  "OTHER",
] as const;
const isoDay = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
    const date = m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : null;
    if (!m || !date || date.getUTCDate() !== Number(m[1]) || date.getUTCMonth() !== Number(m[2]) - 1) {
      ctx.addIssue({ code: "custom", message: "Ngày không hợp lệ: hãy nhập ngày/tháng/năm, ví dụ 30/06/2025" });
      return z.NEVER;
    }
    return date;
  });

export const createOrganization = defineAction({
  name: "directory.createOrganization",
  permission: "organizations.manage",
  input: z.object({
    name: z.string().trim().min(3, "Tên cơ quan cần ít nhất 3 ký tự").max(200, "Tên cơ quan tối đa 200 ký tự"),
    kind: z.enum(kinds, { message: "Hãy chọn loại cơ quan" }),
    track: z.enum(["PARTY", "STATE", "OTHER"], { message: "Hãy chọn khối" }),
    adminUnitId: z.string().uuid("Hãy chọn địa bàn"),
    parentId: z.union([z.literal(""), z.string().uuid()]).transform((v) => (v === "" ? null : v)),
  }),
  subject: async () => null,
  async run({ db, input, audit }) {
    const unit = await db.adminUnit.findUnique({ where: { id: input.adminUnitId }, select: { provinceCode: true } });
    if (!unit) throw new FieldError("adminUnitId", "Không tìm thấy địa bàn");
    const normalizedName = normalizeName(input.name);
    const duplicate = await db.organization.findFirst({
      where: { adminUnitId: input.adminUnitId, normalizedName },
      select: { id: true },
    });
    if (duplicate)
      throw new FieldError("name", "Địa bàn này đã có cơ quan cùng tên (không phân biệt hoa thường, dấu cách)");
    const created = await db.organization.create({
      data: { ...input, normalizedName, provinceCode: unit.provinceCode, isCollective: input.kind === "COLLECTIVE" },
      omit: { searchText: true },
    });
    await audit({ action: "organization.create", entityType: "Organization", entityId: created.id, after: created });
    return { id: created.id };
  },
  revalidate: () => ["/admin/organizations"],
});

export const closeOrganization = defineAction({
  name: "directory.closeOrganization",
  permission: "organizations.manage",
  input: z.object({
    organizationId: z.string().uuid(),
    validTo: isoDay.refine((v) => v !== null, "Hãy nhập ngày kết thúc hoạt động"),
    successorId: z.union([z.literal(""), z.string().uuid()]).transform((v) => (v === "" ? null : v)),
  }),
  subject: async () => null,
  async run({ db, input, audit }) {
    const before = await db.organization.findUnique({ where: { id: input.organizationId } });
    if (!before) throw new FieldError("organizationId", "Không tìm thấy cơ quan");
    if (input.successorId === input.organizationId)
      throw new FieldError("successorId", "Cơ quan kế thừa phải là cơ quan khác");
    await db.organization.update({ where: { id: input.organizationId }, data: { validTo: input.validTo } });
    if (input.successorId) {
      const effectiveOn = new Date(input.validTo!.getTime() + 86_400_000);
      await db.organizationSuccession.upsert({
        where: { predecessorId_successorId: { predecessorId: input.organizationId, successorId: input.successorId } },
        update: { effectiveOn },
        create: { predecessorId: input.organizationId, successorId: input.successorId, effectiveOn },
      });
    }
    await audit({
      action: "organization.close",
      entityType: "Organization",
      entityId: input.organizationId,
      before: { validTo: before.validTo },
      after: { validTo: input.validTo, successorId: input.successorId },
    });
    return { id: input.organizationId };
  },
  revalidate: () => ["/admin/organizations"],
});
