import type { Metadata } from "next";
import { auditFields, type AuditNames } from "@/ui/audit-format";
import { auditActionLabel } from "@/ui/labels";
import { dateTimeInVietnam } from "@/domain/vietnam-time";
import { listAudit, managedOrganizations } from "@/features/accounts/queries";
import { withScope } from "@/server/db/scoped";
import { requirePage } from "@/server/routes";

export const metadata: Metadata = { title: "Nhật ký thay đổi" };

export default async function AuditPage() {
  const scope = await requirePage("/admin/audit");
  const { entries, names } = await withScope(scope, async (db) => {
    const organizations = await managedOrganizations(db, scope);
    const entries = await listAudit(
      db,
      organizations.map((o) => o.id),
    );
    const users = await db.user.findMany({
      where: { id: { in: [...new Set(entries.map((e) => e.userId).filter((id): id is string => Boolean(id)))] } },
      select: { id: true, username: true },
    });
    return {
      entries,
      names: {
        users: new Map(users.map((u) => [u.id, u.username])),
        organizations: new Map(organizations.map((o) => [o.id, o.name])),
      },
    };
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Nhật ký thay đổi</h1>
      <p className="text-sm text-stone-600">
        Mọi thay đổi của đơn vị bạn và các đơn vị trực thuộc: ai, thay mặt đơn vị nào, lúc nào, thay đổi gì (200 mục gần
        nhất).
      </p>
      {entries.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-center text-stone-600">
          Chưa có thay đổi nào được ghi lại.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-stone-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Thời điểm
                </th>
                <th scope="col" className="px-3 py-2">
                  Người thực hiện
                </th>
                <th scope="col" className="px-3 py-2">
                  Đơn vị
                </th>
                <th scope="col" className="px-3 py-2">
                  Thao tác
                </th>
                <th scope="col" className="px-3 py-2">
                  Trước
                </th>
                <th scope="col" className="px-3 py-2">
                  Sau
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id.toString()} className="border-t border-stone-100 align-top">
                  <td className="whitespace-nowrap px-3 py-2">{dateTimeInVietnam(entry.at)}</td>
                  <td className="px-3 py-2 font-mono">
                    {entry.userId ? (names.users.get(entry.userId) ?? entry.userId) : "—"}
                  </td>
                  <td className="px-3 py-2">
                    {entry.organizationId ? (names.organizations.get(entry.organizationId) ?? "—") : "—"}
                  </td>
                  <td className="px-3 py-2">{auditActionLabel(entry.action)}</td>
                  <td className="max-w-xs px-3 py-2">
                    <AuditFields recorded={entry.before} names={names} />
                  </td>
                  <td className="max-w-xs px-3 py-2">
                    <AuditFields recorded={entry.after} names={names} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** What an entry recorded, field by field (audit-format.ts). */
function AuditFields({ recorded, names }: { recorded: unknown; names: AuditNames }) {
  const fields = auditFields(recorded, names);
  if (fields.length === 0) return null;
  return (
    <dl className="space-y-0.5 text-xs">
      {fields.map(([label, value], i) => (
        <div key={i} className="break-words">
          {label ? <dt className="inline font-semibold">{label}: </dt> : null}
          <dd className="inline">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
