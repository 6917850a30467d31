"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  XAxis,
  YAxis,
  type DotItemDotProps,
} from "recharts";
import { formatVietnameseNumber } from "@/domain/decimal";
import type { IndicatorStatus } from "@/domain/indicator-status";
import { indicatorStatusLook } from "@/ui/statuses";
import type { ChartModel } from "./plan-dashboard";

// The one chart of the dashboards: an indicator's actuals by year (dots coloured by status), its
// baseline (an open dot) and its milestone targets (a band for ranges and "khoảng", a short line
// otherwise). Loaded on demand (chart-slot.tsx); the table beside it carries the same numbers.

const TARGET = indicatorStatusLook.MET.colour;

function StatusDot(props: DotItemDotProps) {
  const { cx, cy, index } = props;
  const status = (props.payload as { status?: IndicatorStatus } | undefined)?.status ?? "NO_DATA";
  if (cx === undefined || cy === undefined || cx === null || cy === null) return null;
  return (
    <circle key={index} cx={cx} cy={cy} r={4} fill={indicatorStatusLook[status].colour} stroke="#fff" strokeWidth={1} />
  );
}

const number = (value: number) => formatVietnameseNumber(value, 1);

export default function IndicatorChart({ model }: { model: ChartModel }) {
  const ticks: number[] = [];
  for (let year = model.x[0]; year <= model.x[1]; year++) ticks.push(year);
  return (
    <LineChart width={255} height={176} data={model.points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
      <CartesianGrid stroke="#e7e5e4" vertical={false} />
      <XAxis
        dataKey="year"
        type="number"
        domain={[model.x[0] - 0.5, model.x[1] + 0.5]}
        ticks={ticks}
        tickFormatter={String}
        fontSize={11}
        tickLine={false}
      />
      <YAxis domain={model.y} width={44} fontSize={11} tickFormatter={number} allowDataOverflow />
      {model.targets.map((t) =>
        t.band ? (
          <ReferenceArea
            key={t.year}
            x1={t.year - 0.4}
            x2={t.year + 0.4}
            y1={t.from}
            y2={t.to}
            fill={TARGET}
            fillOpacity={0.18}
            stroke={TARGET}
            strokeDasharray="3 3"
          />
        ) : (
          <ReferenceLine
            key={t.year}
            segment={[
              { x: t.year - 0.4, y: t.from },
              { x: t.year + 0.4, y: t.from },
            ]}
            stroke={TARGET}
            strokeWidth={3}
          />
        ),
      )}
      {model.baseline ? (
        <ReferenceDot
          x={model.baseline.year}
          y={model.baseline.value}
          r={4}
          fill="#fff"
          stroke="#57534e"
          strokeWidth={2}
        />
      ) : null}
      <Line
        dataKey="value"
        type="linear"
        stroke="#57534e"
        strokeWidth={1.5}
        isAnimationActive={false}
        dot={StatusDot}
        activeDot={false}
      />
    </LineChart>
  );
}
