import type { Metadata } from "next";
import { z } from "zod";
import { organizationKindLabels } from "@/domain/organization-kind";
import { CloseOrganizationForm, CreateOrganizationForm } from "@/features/directory/organization-forms";
import { organizationSearch } from "@/features/directory/organization-search";
import { withScope } from "@/server/db/scoped";
import { requirePage } from "@/server/routes";
import { Badge } from "@/ui/badge";
import { day } from "@/ui/format";
import { trackLabels } from "@/ui/labels";
import { inputStyle } from "@/ui/input-style";
import { Pager } from "@/ui/pager";

const PAGE_SIZE = 50;

export const metadata: Metadata = { title: "Cơ quan, tổ chức" };

const filters = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .catch("14"),
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function OrganizationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const scope = await requirePage("/admin/organizations");
  const { province, q, page } = filters.parse(await searchParams);
  const data = await withScope(scope, async (db) => {
    const provinces = await db.adminUnit.findMany({
      where: { era: "FROM_2025", level: "PROVINCE" },
      select: { code: true, name: true },
      orderBy: { name: "asc" },
    });
    // Searched and paged in the database (a province has hundreds of bodies, the country 32,900):
    // every word at the start of a word of the name or of the place.
    const where = { AND: [{ provinceCode: province }, ...organizationSearch(q)] };
    const total = await db.organization.count({ where });
    const organizations = await db.organization.findMany({
      where,
      include: {
        adminUnit: { select: { fullName: true, era: true } },
        successors: { include: { successor: { select: { name: true } } } },
      },
      orderBy: [{ adminUnit: { level: "asc" } }, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    });
    const units = await db.adminUnit.findMany({
      where: { provinceCode: province, OR: [{ era: "FROM_2025" }, { level: { in: ["PROVINCE", "DISTRICT"] } }] },
      select: { id: true, fullName: true, era: true, level: true },
      orderBy: [{ era: "desc" }, { level: "asc" }, { fullName: "asc" }],
    });
    return { provinces, organizations, units, total };
  });
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">Cơ quan, tổ chức</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Tìm cơ quan">
        <label className="flex flex-col text-sm">
          Tỉnh, thành phố
          <select name="province" defaultValue={province} className={`mt-1 ${inputStyle.inline}`}>
            {data.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Tên hoặc địa bàn (không cần dấu)
          <input
            name="q"
            defaultValue={q}
            className={`mt-1 ${inputStyle.inline}`}
            placeholder="ví dụ ubnd huyen moc chau"
          />
        </label>
        <button className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">Tìm</button>
      </form>
      <CreateOrganizationForm
        units={data.units.map((u) => ({
          id: u.id,
          label: `${u.fullName}${u.era === "PRE_2025" ? " (trước 01/07/2025)" : ""}`,
        }))}
      />
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-stone-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">
                Cơ quan
              </th>
              <th scope="col" className="px-3 py-2">
                Địa bàn
              </th>
              <th scope="col" className="px-3 py-2">
                Loại, khối
              </th>
              <th scope="col" className="px-3 py-2">
                Hiệu lực, kế thừa
              </th>
            </tr>
          </thead>
          <tbody>
            {data.organizations.map((o) => (
              <tr key={o.id} className="border-t border-stone-100 align-top">
                <td className="px-3 py-2 font-semibold">{o.name}</td>
                <td className="px-3 py-2">
                  {o.adminUnit.fullName}
                  {o.adminUnit.era === "PRE_2025" ? (
                    <span className="text-xs text-stone-500"> (trước 01/07/2025)</span>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  {organizationKindLabels[o.kind]} · {trackLabels[o.track]}
                </td>
                <td className="px-3 py-2">
                  {o.validTo ? <Badge>đến {day(o.validTo)}</Badge> : <Badge tone="green">đang hoạt động</Badge>}
                  {o.successors.length ? (
                    <span className="block text-xs">
                      Kế thừa: {o.successors.map((s) => s.successor.name).join(", ")}
                    </span>
                  ) : null}
                  {!o.validTo ? (
                    <CloseOrganizationForm organizationId={o.id} name={o.name} provinceCode={province} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        path="/admin/organizations"
        params={{ province, q }}
        page={page}
        total={data.total}
        size={PAGE_SIZE}
        noun="cơ quan"
      />
    </div>
  );
}
