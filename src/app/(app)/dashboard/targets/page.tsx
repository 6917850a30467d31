import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { documentKindLabel } from "@/domain/document-number";
import { getRollup, getTargetAlignment } from "@/features/dashboards/queries";
import { filterQuery, parseRollupFilters } from "@/features/dashboards/rollup";
import { AlignmentSection } from "@/features/dashboards/rollup-sections";
import { withScope } from "@/server/db/scoped";
import { NotFoundError } from "@/server/errors";
import { requirePage } from "@/server/routes";

// The children's targets weaker than the parent's, for the plan (and group) the rollup page shows.
// Its own page: comparing every child's targets costs as much as the rest of the rollup together.

export const metadata: Metadata = { title: "Chỉ tiêu cấp dưới thấp hơn cấp trên" };

export default async function TargetAlignmentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const scope = await requirePage("/dashboard/targets");
  const filters = parseRollupFilters(await searchParams);
  const { rollup, alignment } = await withScope(scope, async (db) => {
    const rollup = await getRollup(db, scope, filters);
    return { rollup, alignment: await getTargetAlignment(db, rollup) };
  }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const anchor = rollup.anchor;
  if (!anchor) notFound();

  return (
    <div className="space-y-4">
      <nav aria-label="Đường dẫn" className="text-sm text-stone-600">
        <Link href={`/dashboard?${filterQuery(rollup.filters, anchor.id)}`} className="text-brand-700 hover:underline">
          Tổng hợp các địa phương
        </Link>
        <span aria-hidden> › </span>
        <span aria-current="page">Chỉ tiêu thấp hơn cấp trên</span>
      </nav>
      <header className="space-y-1">
        <p className="text-sm uppercase tracking-wide text-stone-500">{anchor.issuerName}</p>
        <h1 className="text-2xl font-semibold">Chỉ tiêu cấp dưới thấp hơn cấp trên</h1>
        <p className="text-stone-700">
          Cấp dưới thực hiện {documentKindLabel(anchor.kind)} {anchor.number}
          {rollup.filters.group ? <> · nhóm “{rollup.filters.group}”</> : null}
        </p>
      </header>
      <AlignmentSection items={alignment} />
    </div>
  );
}
