import type { IndicatorStatus } from "@/domain/indicator-status";
import { indicatorStatusLook as look } from "@/ui/statuses";
import { percentages, STATUSES, statusLabel, totalOf, type StatusCounts } from "./status";

// Server-rendered status pieces: a label with its colour, a stacked bar with the numbers written
// out, and the legend. No client JavaScript.

export function StatusLabel({ status, short = false }: { status: IndicatorStatus; short?: boolean }) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold ${look[status].classes}`}
      title={short ? statusLabel(status) : undefined}
    >
      {short ? look[status].short : statusLabel(status)}
    </span>
  );
}

/** A stacked bar; the counts are written beside it, so the colours are never the only carrier. */
export function StatusBar({ counts, label }: { counts: StatusCounts; label: string }) {
  const share = percentages(counts);
  const total = totalOf(counts);
  return (
    <div className="space-y-1">
      <div className="flex h-2.5 w-full overflow-hidden rounded bg-stone-100" aria-hidden>
        {STATUSES.filter((s) => share[s] > 0).map((s) => (
          <div key={s} className={look[s].bar} style={{ width: `${share[s]}%` }} />
        ))}
      </div>
      <p role="group" className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-stone-700" aria-label={label}>
        {STATUSES.map((s) => (
          <span key={s}>
            <span className={`mr-1 inline-block h-2 w-2 rounded-sm ${look[s].bar}`} aria-hidden />
            {statusLabel(s)}: <strong className="tabular-nums">{counts[s]}</strong>
          </span>
        ))}
        <span className="text-stone-500">(tổng {total})</span>
      </p>
    </div>
  );
}

export function StatusLegend() {
  return (
    <ul className="flex flex-wrap gap-2 text-xs" aria-label="Chú giải tình trạng">
      {STATUSES.map((s) => (
        <li key={s} className="flex items-center gap-1">
          <span className={`rounded px-1.5 py-0.5 font-semibold ${look[s].classes}`}>{look[s].short}</span>
          <span className="text-stone-600">= {statusLabel(s)}</span>
        </li>
      ))}
      <li className="flex items-center gap-1">
        <span className="rounded px-1.5 py-0.5 font-semibold text-stone-500">—</span>
        <span className="text-stone-600">= kế hoạch không có chỉ tiêu này</span>
      </li>
    </ul>
  );
}
