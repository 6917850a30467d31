import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { day } from "@/ui/format";
import { listPlanPage, listProvinces, listResolutions, PLAN_PAGE_SIZE } from "@/features/plans/queries";
import { requirePage, routeAllows } from "@/server/routes";
import { withScope } from "@/server/db/scoped";
import { Badge, IllustrativeBadge } from "@/ui/badge";
import { levelLabels, planStatusLabels, trackLabels } from "@/ui/labels";
import { inputStyle } from "@/ui/input-style";
import { Pager } from "@/ui/pager";

export const metadata: Metadata = { title: "Kế hoạch" };

/** Plans per page a user may choose; the default keeps a national administrator's page under 100 KiB of HTML. */
const PAGE_SIZES = [10, PLAN_PAGE_SIZE, 50];

const filtersSchema = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  level: z.enum(["CENTRAL", "PROVINCE", "DISTRICT", "COMMUNE"]).optional().catch(undefined),
  track: z.enum(["PARTY", "STATE"]).optional().catch(undefined),
  status: z.enum(["DRAFT", "ISSUED", "SUPERSEDED"]).optional().catch(undefined),
  resolution: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
    .optional()
    .catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
  size: z.coerce
    .number()
    .catch(PLAN_PAGE_SIZE)
    .transform((n) => (PAGE_SIZES.includes(n) ? n : PLAN_PAGE_SIZE)),
});

export default async function PlansPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = filtersSchema.parse(await searchParams);
  const scope = await requirePage("/plans");
  const { list, provinces, resolutions } = await withScope(scope, async (db) => ({
    list: await listPlanPage(
      db,
      scope,
      {
        provinceCode: filters.province,
        level: filters.level,
        track: filters.track,
        status: filters.status,
        resolutionId: filters.resolution,
        q: filters.q || undefined,
      },
      filters.page,
      filters.size,
    ),
    provinces: await listProvinces(db),
    resolutions: await listResolutions(db, scope),
  }));
  const plans = list.plans;
  // What the pager's links keep: the filters as sent (the page is added by the pager).
  const linkParams = {
    province: filters.province,
    level: filters.level,
    track: filters.track,
    status: filters.status,
    resolution: filters.resolution,
    q: filters.q || undefined,
    size: filters.size === PLAN_PAGE_SIZE ? undefined : String(filters.size),
  };
  const filtered = Boolean(
    filters.province || filters.level || filters.track || filters.status || filters.resolution || filters.q,
  );
  const pager = (
    <Pager path="/plans" params={linkParams} page={list.page} total={list.total} size={list.size} noun="văn bản" />
  );

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Kế hoạch và văn bản</h1>
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3"
        role="search"
        aria-label="Lọc kế hoạch"
      >
        <label className="flex flex-col text-sm">
          Tỉnh, thành phố
          <select name="province" defaultValue={filters.province ?? ""} className={`mt-1 ${inputStyle.inline}`}>
            <option value="">Tất cả</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Cấp
          <select name="level" defaultValue={filters.level ?? ""} className={`mt-1 ${inputStyle.inline}`}>
            <option value="">Tất cả</option>
            {Object.entries(levelLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Khối
          <select name="track" defaultValue={filters.track ?? ""} className={`mt-1 ${inputStyle.inline}`}>
            <option value="">Cả hai</option>
            <option value="PARTY">Đảng</option>
            <option value="STATE">Chính quyền</option>
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Trạng thái
          <select name="status" defaultValue={filters.status ?? ""} className={`mt-1 ${inputStyle.inline}`}>
            <option value="">Tất cả</option>
            {Object.entries(planStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {resolutions.length > 0 ? (
          <label className="flex flex-col text-sm">
            Thực hiện văn bản
            <select
              name="resolution"
              defaultValue={filters.resolution ?? ""}
              className={`mt-1 max-w-xs ${inputStyle.inline}`}
            >
              <option value="">Tất cả</option>
              {resolutions.map((r) => (
                <option key={r.id} value={r.id} title={r.title}>
                  {r.number}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col text-sm">
          Tìm theo số, tên, cơ quan
          <input
            name="q"
            defaultValue={filters.q ?? ""}
            className={`mt-1 w-64 ${inputStyle.inline}`}
            placeholder="ví dụ 54-KH/TXU hoặc moc chau"
          />
        </label>
        <label className="flex flex-col text-sm">
          Mỗi trang
          <select name="size" defaultValue={String(filters.size)} className={`mt-1 ${inputStyle.inline}`}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n} văn bản
              </option>
            ))}
          </select>
        </label>
        <button className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
          Lọc
        </button>
        {filtered ? (
          <Link href="/plans" className="text-sm underline">
            Bỏ lọc
          </Link>
        ) : null}
      </form>

      {plans.length > 0 ? pager : null}
      {plans.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center text-stone-600">
          {filtered ? (
            "Không có kế hoạch nào khớp bộ lọc. Hãy bỏ bớt điều kiện lọc."
          ) : (
            <>
              Chưa có kế hoạch nào mà đơn vị của bạn được xem.{" "}
              {routeAllows(scope, "/import") ? (
                <>
                  Để bắt đầu,{" "}
                  <Link href="/import" className="text-brand-700 underline">
                    nhập văn bản kế hoạch
                  </Link>{" "}
                  đã có (Word hoặc văn bản) thay vì gõ lại.
                </>
              ) : (
                "Khi đơn vị của bạn hoặc cấp trên nhập kế hoạch, kế hoạch sẽ hiện ở đây."
              )}
            </>
          )}
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-sm [&_td]:px-3 [&_td]:py-2">
            <caption className="sr-only">Danh sách kế hoạch</caption>
            <thead className="bg-stone-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Số, ký hiệu
                </th>
                <th scope="col" className="px-3 py-2">
                  Ngày
                </th>
                <th scope="col" className="px-3 py-2">
                  Cơ quan ban hành
                </th>
                <th scope="col" className="px-3 py-2">
                  Trích yếu
                </th>
                <th scope="col" className="px-3 py-2">
                  Khối
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Chỉ tiêu
                </th>
              </tr>
            </thead>
            <tbody>
              {plans.map((plan) => (
                <tr key={plan.id} className="border-t border-stone-100 align-top hover:bg-stone-50">
                  <td className="whitespace-nowrap font-semibold">
                    <Link href={`/plans/${plan.id}`} className="text-brand-700 hover:underline">
                      {plan.number}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap">{day(plan.issuedOn)}</td>
                  <td>
                    {plan.issuer.name}
                    {plan.issuer.validTo ? (
                      <span className="block text-xs text-stone-500">
                        đã kết thúc hoạt động {day(plan.issuer.validTo)}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <Link href={`/plans/${plan.id}`} className="hover:underline">
                      {plan.title}
                    </Link>
                    {plan.status !== "ISSUED" || plan.isIllustrative || !plan.hasContent ? (
                      <span className="mt-1 flex flex-wrap gap-1">
                        {plan.status !== "ISSUED" ? <Badge tone="blue">{planStatusLabels[plan.status]}</Badge> : null}
                        {plan.isIllustrative ? <IllustrativeBadge /> : null}
                        {!plan.hasContent ? <Badge>chỉ có thông tin văn bản</Badge> : null}
                      </span>
                    ) : null}
                  </td>
                  <td>{trackLabels[plan.track]}</td>
                  <td className="text-right tabular-nums">{plan.indicatorCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
