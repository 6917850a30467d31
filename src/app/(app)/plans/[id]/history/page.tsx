import type { Metadata } from "next";
import { auditActionLabel } from "@/ui/labels";
import { dateTimeInVietnam } from "@/domain/vietnam-time";
import Link from "next/link";
import { getPlanDetail } from "@/features/plans/queries";
import { planPage } from "@/server/pages";

export const metadata: Metadata = { title: "Lịch sử kế hoạch" };

type Snapshot = {
  title: string;
  numberSerial: string | null;
  issuedOn: string | null;
  signerName: string | null;
  tasks: { numbering: string; title: string | null; body: string }[];
  indicators: { code: string; name: string; isGroup: boolean; targets: { year: number; text: string }[] }[];
};

export default async function PlanHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  const { id } = await params;
  const { version } = await searchParams;
  const { data } = await planPage("/plans/[id]/history", id, async (db, scope) => {
    const plan = await getPlanDetail(db, scope, id);
    const versions = await db.planVersion.findMany({ where: { planId: id }, orderBy: { version: "desc" } });
    const changes = await db.auditLog.findMany({
      where: {
        OR: [
          { entityId: id },
          { entityId: { in: [...plan.tasks.map((t) => t.id), ...plan.indicators.map((i) => i.id)] } },
        ],
      },
      orderBy: { at: "desc" },
      take: 100,
    });
    return { plan, versions, changes };
  });
  const selected = data.versions.find((v) => String(v.version) === version);
  const snapshot = selected?.snapshot as Snapshot | undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Lịch sử kế hoạch {data.plan.number}</h1>
      <Link href={`/plans/${id}`} className="text-sm underline">
        ← Về kế hoạch
      </Link>
      <section aria-labelledby="versions" className="space-y-2">
        <h2 id="versions" className="text-lg font-semibold">
          Các bản đã ban hành
        </h2>
        {data.versions.length === 0 ? (
          <p className="text-sm text-stone-600">
            Kế hoạch chưa được ban hành trong hệ thống, nên chưa có bản nào được lưu.
          </p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm">
            {data.versions.map((v) => (
              <li key={v.id} className="flex gap-3 px-3 py-2">
                <Link
                  href={`/plans/${id}/history?version=${v.version}`}
                  className="font-semibold text-brand-700 underline"
                >
                  Bản {v.version}
                </Link>
                <span>{v.reason}</span>
                <span className="text-stone-500">{dateTimeInVietnam(v.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {snapshot ? (
        <section
          aria-labelledby="snapshot"
          className="space-y-2 rounded-lg border border-stone-200 bg-white p-4 text-sm"
        >
          <h2 id="snapshot" className="text-lg font-semibold">
            Bản {selected!.version}: {snapshot.title}
          </h2>
          <p>
            Số {snapshot.numberSerial ?? "—"} · ngày{" "}
            {snapshot.issuedOn?.slice(0, 10).split("-").reverse().join("/") ?? "—"} · {snapshot.signerName ?? ""}
          </p>
          <h3 className="font-semibold">Chỉ tiêu</h3>
          <ul className="ml-4 list-disc">
            {snapshot.indicators
              .filter((i) => !i.isGroup)
              .map((i) => (
                <li key={`${i.code}${i.name}`}>
                  {i.code} {i.name}: {i.targets.map((t) => `${t.year}: ${t.text}`).join("; ")}
                </li>
              ))}
          </ul>
          <h3 className="font-semibold">Nhiệm vụ</h3>
          <ul className="ml-4 list-disc">
            {snapshot.tasks.map((t, index) => (
              <li key={index}>
                {t.numbering} {t.title ?? t.body.slice(0, 120)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="changes" className="space-y-2">
        <h2 id="changes" className="text-lg font-semibold">
          Các thay đổi gần đây
        </h2>
        {data.changes.length === 0 ? (
          <p className="text-sm text-stone-600">Chưa có thay đổi nào được ghi lại.</p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm">
            {data.changes.map((c) => (
              <li key={c.id.toString()} className="flex gap-3 px-3 py-2">
                <span className="text-stone-500">{dateTimeInVietnam(c.at)}</span>
                <span>{auditActionLabel(c.action)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
