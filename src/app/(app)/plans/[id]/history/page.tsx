import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/domain/reporting-calendar";
import { dateTimeInVietnam } from "@/domain/vietnam-time";
import { getPlanHistory } from "@/features/plans/history";
import { inPlanOrder, type VersionSnapshot } from "@/features/plans/history-model";
import { planPage } from "@/server/pages";
import { BeforeAfterCells, ChangeTable } from "@/ui/change-table";

export const metadata: Metadata = { title: "Lịch sử kế hoạch" };

export default async function PlanHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  const { id } = await params;
  const { version } = await searchParams;
  const { data } = await planPage("/plans/[id]/history", id, (db, scope) => getPlanHistory(db, scope, id));
  const selected = data.versions.find((v) => String(v.version) === version);
  const snapshot = selected?.snapshot as VersionSnapshot | undefined;
  const ordered = snapshot ? inPlanOrder(snapshot) : null;
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
              <li key={v.id} className="flex flex-wrap gap-3 px-3 py-2" data-testid={`version-${v.ordinal}`}>
                <Link
                  href={`/plans/${id}/history?version=${v.version}`}
                  className="font-semibold text-brand-700 underline"
                  aria-current={selected?.id === v.id ? "true" : undefined}
                >
                  Bản {v.ordinal}
                </Link>
                <span>{v.reason}</span>
                <span className="text-stone-500">lưu lúc {dateTimeInVietnam(v.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {snapshot && ordered ? (
        <section
          aria-labelledby="snapshot"
          className="space-y-2 rounded-lg border border-stone-200 bg-white p-4 text-sm"
          data-testid="version-text"
        >
          <h2 id="snapshot" className="text-lg font-semibold">
            Bản {selected!.ordinal}: {snapshot.title}
          </h2>
          <p>
            Số {snapshot.numberSerial ?? "(chưa có số)"} · ngày{" "}
            {snapshot.issuedOn ? formatDate(snapshot.issuedOn.slice(0, 10)) : "—"}
            {snapshot.signerName ? ` · ${snapshot.signerName}` : ""}
          </p>
          <h3 className="font-semibold">Chỉ tiêu</h3>
          <ul className="space-y-0.5">
            {ordered.indicators.map(({ item, depth }) => (
              <li
                key={item.id ?? `${item.code}${item.name}`}
                style={{ paddingLeft: `${depth * 1.25}rem` }}
                className={item.isGroup ? "font-semibold" : ""}
                data-testid="version-indicator"
              >
                {item.code} {item.name}
                {item.isGroup || item.targets.length === 0
                  ? ""
                  : `: ${item.targets.map((t) => `${t.year}: ${t.text}`).join("; ")}`}
              </li>
            ))}
          </ul>
          <h3 className="font-semibold">Nhiệm vụ</h3>
          <ul className="space-y-0.5">
            {ordered.tasks.map(({ item, depth }, index) => (
              <li key={item.id ?? index} style={{ paddingLeft: `${depth * 1.25}rem` }}>
                {item.numbering} {item.title ?? item.body.slice(0, 120)}
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
          <ChangeTable
            caption="100 thay đổi gần nhất của kế hoạch, nhiệm vụ và chỉ tiêu"
            columns={["Thời điểm", "Người thực hiện", "Thay đổi", "Trước", "Sau"]}
          >
            {data.changes.map((c) => (
              <tr key={c.id} className="border-t border-stone-100 align-top" data-testid="change">
                <td className="whitespace-nowrap px-3 py-2 text-stone-600">{dateTimeInVietnam(c.at)}</td>
                <td className="px-3 py-2">
                  {c.who}
                  {c.onBehalfOf ? <span className="block text-xs text-stone-500">{c.onBehalfOf}</span> : null}
                </td>
                <td className="px-3 py-2">
                  {c.action}
                  {c.item ? <span className="block text-xs text-stone-600">{c.item}</span> : null}
                </td>
                <BeforeAfterCells before={c.before} after={c.after} />
              </tr>
            ))}
          </ChangeTable>
        )}
      </section>
    </div>
  );
}
