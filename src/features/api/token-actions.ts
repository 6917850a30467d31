import "server-only";
import { z } from "zod";
import { parseVietnameseDate } from "@/domain/reporting-calendar";
import { todayInVietnam } from "@/domain/vietnam-time";
import { defineAction, FieldError } from "@/server/actions";
import { newTokenSecret } from "@/server/api/token-secret";
import { ConflictError, NotFoundError } from "@/server/errors";
import { organizationRef, organizationRefSelect } from "@/server/plan-access";

// API tokens (ADR 0035): an administrator of a body makes them for that body (the secret is in the
// answer once and never again: only its SHA-256 is stored) and revokes them. Both are audited; the
// audit record names the token by its id and first characters, never by its secret.

export const ACCESS_LEVELS = ["read", "write"] as const;

export const createTokenInput = z.object({
  name: z.string().trim().min(1, "Hãy đặt tên cho mã truy cập").max(100, "Tên quá dài (tối đa 100 ký tự)"),
  access: z.enum(ACCESS_LEVELS, { message: "Hãy chọn quyền" }),
  expiresOn: z
    .string()
    .trim()
    .optional()
    .default("")
    .transform((text, ctx) => {
      if (text === "") return null;
      const iso = parseVietnameseDate(text);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: "Ngày hết hạn không hợp lệ; hãy nhập theo dạng dd/mm/yyyy" });
        return z.NEVER;
      }
      if (iso <= todayInVietnam()) {
        ctx.addIssue({ code: "custom", message: "Ngày hết hạn phải sau hôm nay" });
        return z.NEVER;
      }
      return iso;
    }),
});

export const createApiToken = defineAction({
  name: "apiTokens.create",
  permission: "apiTokens.manage",
  input: createTokenInput,
  // The administrator's own body: a token is made for no other.
  subject: async () => null,
  // The secret must never be echoed back after an error either (it is not an input, but be explicit).
  echo: ["name", "access", "expiresOn"],
  async run({ db, scope, input, audit }) {
    if (!scope.organizationId) throw new FieldError("name", "Hãy chọn cơ quan bạn đang làm việc cho trước khi tạo mã.");
    const { secret, hash, prefix } = newTokenSecret();
    // The token is valid through the whole last day, as the calendar reads in Vietnam.
    const expiresAt = input.expiresOn ? new Date(`${input.expiresOn}T23:59:59.999+07:00`) : null;
    const token = await db.apiToken.create({
      data: {
        organizationId: scope.organizationId,
        createdById: scope.userId,
        name: input.name,
        prefix,
        secretHash: hash,
        canWriteResults: input.access === "write",
        expiresAt,
      },
      select: { id: true },
    });
    await audit({
      action: "apiToken.create",
      entityType: "ApiToken",
      entityId: token.id,
      after: { name: input.name, prefix, canWriteResults: input.access === "write", expiresAt },
    });
    return { id: token.id, prefix, secret };
  },
  revalidate: () => ["/admin/api-tokens"],
});

export const revokeApiToken = defineAction({
  name: "apiTokens.revoke",
  permission: "apiTokens.manage",
  input: z.object({
    tokenId: z.string().uuid("Mã truy cập không hợp lệ"),
    version: z.coerce.number({ message: "Thiếu phiên bản dữ liệu; hãy tải lại trang" }).int().min(1),
  }),
  async subject(db, input) {
    const token = await db.apiToken.findUnique({
      where: { id: input.tokenId },
      select: { organization: { select: organizationRefSelect } },
    });
    if (!token) throw new NotFoundError("Không tìm thấy mã truy cập");
    return organizationRef(token.organization);
  },
  async run({ db, scope, input, audit }) {
    const { count } = await db.apiToken.updateMany({
      where: { id: input.tokenId, version: input.version, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: scope.userId, version: { increment: 1 } },
    });
    if (count === 0)
      throw new ConflictError("Mã truy cập này vừa được người khác thay đổi hoặc đã bị thu hồi; hãy tải lại trang.");
    await audit({ action: "apiToken.revoke", entityType: "ApiToken", entityId: input.tokenId });
    return { id: input.tokenId };
  },
  revalidate: () => ["/admin/api-tokens"],
});
