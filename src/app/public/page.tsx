import type { Metadata } from "next";
import Link from "next/link";
import { documentKindLabel } from "@/domain/document-number";
import { formatDate } from "@/domain/reporting-calendar";
import { cachedPlaces } from "@/features/public/cache";
import { IllustrativeBadge } from "@/ui/badge";

export const metadata: Metadata = { title: "Kế hoạch đã công bố" };
// Rendered per request like every page (the root layout reads the CSP nonce), so not tried at build
// time, when there is no database to read: the data itself is cached (src/features/public/cache.ts).
export const dynamic = "force-dynamic";

export default async function PublicIndexPage() {
  const places = await cachedPlaces();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Kế hoạch đã công bố</h1>
        <p className="max-w-3xl text-stone-700">
          Kết quả thực hiện các kế hoạch, chương trình hành động thực hiện nghị quyết mà các tỉnh, thành phố và các cơ
          quan Trung ương đã công bố: chỉ tiêu, mục tiêu đến năm 2025 và 2030, số liệu thực hiện mới nhất.
        </p>
      </div>
      {places.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 bg-white p-4 text-stone-700">
          Chưa có kế hoạch nào được công bố.
        </p>
      ) : (
        <>
          <nav aria-label="Tỉnh, thành phố" className="text-sm">
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              {places.map((place) => (
                <li key={place.code}>
                  <a href={`#tinh-${place.code}`} className="text-brand-700 hover:underline">
                    {place.name} ({place.plans.length})
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {places.map((place) => (
            <section key={place.code} aria-labelledby={`tinh-${place.code}`} className="space-y-2">
              <h2 id={`tinh-${place.code}`} className="text-lg font-semibold">
                {place.name}
              </h2>
              <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
                {place.plans.map((plan) => (
                  <li key={plan.id} className="space-y-1 px-3 py-2">
                    <p className="flex flex-wrap items-baseline gap-x-2">
                      <Link href={`/public/plans/${plan.id}`} className="font-semibold text-brand-700 hover:underline">
                        {documentKindLabel(plan.kind)} {plan.number}
                      </Link>
                      <span className="text-sm text-stone-700">{plan.issuerName}</span>
                      {plan.issuedOn ? (
                        <span className="text-sm text-stone-600">ngày {formatDate(plan.issuedOn)}</span>
                      ) : null}
                      {plan.isIllustrative ? <IllustrativeBadge /> : null}
                    </p>
                    <p className="text-sm">{plan.title}</p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
