"use client";

import dynamic from "next/dynamic";
import type { StatusCount } from "./public-model";

// Recharts is fetched after the page is shown (it is most of the page's JavaScript); without
// JavaScript, or for a screen reader, the table beside the chart carries every number.
const StatusChart = dynamic(() => import("./status-chart"), {
  ssr: false,
  loading: () => <div className="h-56 w-[420px] animate-pulse rounded bg-stone-50" />,
});

export function StatusChartSlot({ counts, label }: { counts: StatusCount[]; label: string }) {
  return (
    <div role="img" aria-label={`${label}; số liệu ở bảng bên cạnh`} className="max-w-full shrink-0 overflow-x-auto">
      <StatusChart counts={counts} />
    </div>
  );
}
