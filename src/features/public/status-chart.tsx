"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from "recharts";
import { indicatorStatusLook } from "@/ui/statuses";
import type { StatusCount } from "./public-model";

// The public page's chart: how many indicators stand at each status in the chart's year, one bar per
// status in its colour, the count written at the end of the bar. The table beside it has the same
// numbers (status-chart-slot.tsx); the colours are never the only carrier (each bar is labelled).

export default function StatusChart({ counts }: { counts: StatusCount[] }) {
  const data = counts.map((c) => ({ ...c, label: indicatorStatusLook[c.status].label }));
  const max = Math.max(1, ...counts.map((c) => c.count));
  return (
    <BarChart
      width={420}
      height={40 * data.length + 30}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: 36, bottom: 4, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#e7e5e4" horizontal={false} />
      <XAxis type="number" domain={[0, max]} allowDecimals={false} fontSize={11} />
      <YAxis type="category" dataKey="label" width={130} fontSize={12} tickLine={false} />
      <Bar dataKey="count" isAnimationActive={false}>
        {data.map((d) => (
          <Cell key={d.status} fill={indicatorStatusLook[d.status].colour} />
        ))}
        <LabelList dataKey="count" position="right" fontSize={12} fill="#1c1917" />
      </Bar>
    </BarChart>
  );
}
