import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { parseVietnameseDate } from "@/domain/reporting-calendar";
import { auditFields, type AuditNames } from "@/ui/audit-format";
import { listAudit, PAGE_SIZE } from "@/features/accounts/queries";
import { dateTimeInVietnam } from "@/domain/vietnam-time";
import { withScope } from "@/server/db/scoped";
import { requirePage } from "@/server/routes";
import { FieldMessage } from "@/ui/field-message";
import { inputStyle } from "@/ui/input-style";
import { auditActionLabel, auditActionOptions, auditEntityLabels } from "@/ui/labels";
import { Pager } from "@/ui/pager";
import { BeforeAfterCells, ChangeTable } from "@/ui/change-table";

export const metadata: Metadata = { title: "Nhật ký thay đổi" };

// Filters in the URL (who, action, entity, date range, page); the database filters and pages.
const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);
const filtersSchema = z.object({
  who: text(100),
  action: text(60),
  entity: text(40),
  from: text(20),
  to: text(20),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const BAD_DAY = "Ngày không hợp lệ: hãy nhập ngày/tháng/năm, ví dụ 01/12/2026";

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const scope = await requirePage("/admin/audit");
  const filters = filtersSchema.parse(await searchParams);
  const from = filters.from ? parseVietnameseDate(filters.from) : null;
  const to = filters.to ? parseVietnameseDate(filters.to) : null;
  const errors = {
    from: filters.from && !from ? BAD_DAY : undefined,
    to: filters.to && !to ? BAD_DAY : from && to && to < from ? "Ngày cuối phải sau ngày đầu" : undefined,
  };
  const list = await withScope(scope, (db) =>
    listAudit(db, scope, {
      who: filters.who,
      action: filters.action,
      entityType: filters.entity,
      from: from ?? undefined,
      to: to && !errors.to ? to : undefined,
      page: filters.page,
    }),
  );
  // Ids recorded inside an entry's values are shown by name where the page knows them.
  const names: AuditNames = {
    users: new Map([...list.users].map(([id, user]) => [id, user.username])),
    organizations: list.organizations,
  };
  const params = {
    who: filters.who,
    action: filters.action,
    entity: filters.entity,
    from: filters.from,
    to: filters.to,
  };
  const filtered = Object.values(params).some(Boolean);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Nhật ký thay đổi</h1>
      <p className="text-sm text-stone-600">
        Mọi thay đổi của đơn vị bạn và các đơn vị trực thuộc: ai, thay mặt đơn vị nào, lúc nào, thay đổi gì; mới nhất
        trước.
      </p>
      <form
        method="get"
        role="search"
        aria-label="Lọc nhật ký"
        className="grid items-start gap-3 rounded-lg border border-stone-200 bg-white p-3 md:grid-cols-3 lg:grid-cols-6"
      >
        <label className="text-sm font-semibold">
          Người thực hiện
          <input
            name="who"
            defaultValue={filters.who ?? ""}
            placeholder="tên đăng nhập hoặc họ tên"
            className={inputStyle.field}
          />
        </label>
        <div className="text-sm">
          <label htmlFor="audit-action" className="block font-semibold">
            Thao tác
          </label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={inputStyle.field}>
            <option value="">Tất cả</option>
            {auditActionOptions().map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="text-sm">
          <label htmlFor="audit-entity" className="block font-semibold">
            Đối tượng
          </label>
          <select id="audit-entity" name="entity" defaultValue={filters.entity ?? ""} className={inputStyle.field}>
            <option value="">Tất cả</option>
            {Object.entries(auditEntityLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="text-sm">
          <label htmlFor="audit-from" className="block font-semibold">
            Từ ngày
          </label>
          <input
            id="audit-from"
            name="from"
            defaultValue={filters.from ?? ""}
            placeholder="01/12/2026"
            aria-invalid={errors.from ? true : undefined}
            aria-describedby={errors.from ? "audit-from-error" : undefined}
            className={inputStyle.field}
          />
          <FieldMessage id="audit-from-error" message={errors.from} />
        </div>
        <div className="text-sm">
          <label htmlFor="audit-to" className="block font-semibold">
            Đến ngày
          </label>
          <input
            id="audit-to"
            name="to"
            defaultValue={filters.to ?? ""}
            placeholder="31/12/2026"
            aria-invalid={errors.to ? true : undefined}
            aria-describedby={errors.to ? "audit-to-error" : undefined}
            className={inputStyle.field}
          />
          <FieldMessage id="audit-to-error" message={errors.to} />
        </div>
        <div className="flex items-center gap-3 self-end">
          <button className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
            Lọc
          </button>
          {filtered ? (
            <Link href="/admin/audit" className="text-sm underline">
              Bỏ lọc
            </Link>
          ) : null}
        </div>
      </form>
      <Pager path="/admin/audit" params={params} page={filters.page} total={list.total} size={PAGE_SIZE} noun="mục" />
      {list.entries.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-center text-stone-600">
          {filtered ? "Không có thay đổi nào khớp bộ lọc." : "Chưa có thay đổi nào được ghi lại."}
        </p>
      ) : (
        <ChangeTable
          caption="Nhật ký thay đổi"
          columns={["Thời điểm", "Người thực hiện", "Đơn vị", "Thao tác", "Trước", "Sau"]}
        >
          {list.entries.map((entry) => {
            const user = entry.userId ? list.users.get(entry.userId) : undefined;
            return (
              <tr key={entry.id.toString()} className="border-t border-stone-100 align-top">
                <td className="whitespace-nowrap px-3 py-2">{dateTimeInVietnam(entry.at)}</td>
                <td className="px-3 py-2">
                  {user ? (
                    <>
                      <span className="font-mono">{user.username}</span>
                      <span className="block text-xs text-stone-500">{user.displayName}</span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-3 py-2">
                  {entry.organizationId ? (list.organizations.get(entry.organizationId) ?? "—") : "—"}
                </td>
                <td className="px-3 py-2">
                  {/* In words; the action's code is kept in the tooltip for whoever searches the logs. */}
                  <span title={`Mã thao tác: ${entry.action}`}>{auditActionLabel(entry.action)}</span>
                </td>
                <BeforeAfterCells before={auditFields(entry.before, names)} after={auditFields(entry.after, names)} />
              </tr>
            );
          })}
        </ChangeTable>
      )}
    </div>
  );
}
