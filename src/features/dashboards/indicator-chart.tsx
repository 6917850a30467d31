"use client";

import {
  CartesianGrid,
  ComposedChart,
  LabelList,
  Line,
  ReferenceArea,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
  type TooltipContentProps,
} from "recharts";
import { formatVietnameseNumber } from "@/domain/decimal";
import type { IndicatorStatus } from "@/domain/indicator-status";
import { indicatorStatusLook } from "@/ui/statuses";
import type { ChartModel, ChartRow } from "./plan-dashboard";

// The one chart of the dashboards: on a time axis from the baseline's year to 2030, an indicator's
// actuals as a line (dots coloured by status), the trajectory its status is computed from (dashed),
// its milestone targets as labelled marks (a band for ranges and "khoảng"), and its baseline; a
// legend under it and a tooltip with the year's numbers. Loaded on demand (chart-slot.tsx); the table
// beside it carries the same numbers.

const TARGET = indicatorStatusLook.MET.colour;
const ACTUAL = "#44403c";
const PATH = "#0369a1";

function StatusDot(props: DotItemDotProps) {
  const { cx, cy, index } = props;
  const status = (props.payload as { status?: IndicatorStatus } | undefined)?.status ?? "NO_DATA";
  if (cx === undefined || cy === undefined || cx === null || cy === null) return null;
  return (
    <circle key={index} cx={cx} cy={cy} r={4} fill={indicatorStatusLook[status].colour} stroke="#fff" strokeWidth={1} />
  );
}

/** A milestone: a diamond, as in the legend. */
function TargetShape(props: { cx?: number; cy?: number }) {
  const { cx, cy } = props;
  if (cx === undefined || cy === undefined) return <g />;
  return <path d={`M${cx} ${cy - 6}L${cx + 6} ${cy}L${cx} ${cy + 6}L${cx - 6} ${cy}Z`} fill={TARGET} stroke="#fff" />;
}

function BaselineShape(props: { cx?: number; cy?: number }) {
  const { cx, cy } = props;
  if (cx === undefined || cy === undefined) return <g />;
  return <circle cx={cx} cy={cy} r={4} fill="#fff" stroke="#57534e" strokeWidth={2} />;
}

function Tip({
  active,
  payload,
  model,
}: {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
  model: ChartModel;
}) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  const n = (v: number, extra = 0) => `${formatVietnameseNumber(v, model.decimals + extra)}${model.percent ? "%" : ""}`;
  const lines: [string, string][] = [];
  if (row.actual !== undefined)
    lines.push(["Thực hiện", `${n(row.actual, 1)}${row.status ? ` (${indicatorStatusLook[row.status].label})` : ""}`]);
  if (row.expected !== undefined) lines.push(["Lộ trình", n(row.expected, 1)]);
  if (row.targetText !== undefined) lines.push(["Mục tiêu", row.targetText]);
  if (row.baseline !== undefined) lines.push(["Cơ sở", n(row.baseline, 1)]);
  if (!lines.length) return null;
  return (
    <div className="rounded border border-stone-300 bg-white px-2 py-1 text-xs shadow" role="status">
      <p className="font-semibold">Năm {row.year}</p>
      {lines.map(([label, value]) => (
        <p key={label}>
          {label}: {value}
        </p>
      ))}
    </div>
  );
}

const LEGEND: [string, React.ReactNode][] = [
  [
    "Thực hiện",
    <svg key="a" width="18" height="10" aria-hidden>
      <line x1="0" y1="5" x2="18" y2="5" stroke={ACTUAL} strokeWidth="1.5" />
      <circle cx="9" cy="5" r="3" fill={ACTUAL} />
    </svg>,
  ],
  [
    "Lộ trình để đạt mục tiêu",
    <svg key="p" width="18" height="10" aria-hidden>
      <line x1="0" y1="5" x2="18" y2="5" stroke={PATH} strokeWidth="1.5" strokeDasharray="4 3" />
    </svg>,
  ],
  [
    "Mục tiêu",
    <svg key="t" width="12" height="12" aria-hidden>
      <path d="M6 0L12 6L6 12L0 6Z" fill={TARGET} />
    </svg>,
  ],
  [
    "Cơ sở",
    <svg key="b" width="10" height="10" aria-hidden>
      <circle cx="5" cy="5" r="3.5" fill="#fff" stroke="#57534e" strokeWidth="1.5" />
    </svg>,
  ],
];

export default function IndicatorChart({ model }: { model: ChartModel }) {
  const ticks: number[] = [];
  for (let year = model.x[0]; year <= model.x[1]; year++) ticks.push(year);
  const axis = (value: number) => formatVietnameseNumber(value, model.decimals);
  const has = {
    actual: model.rows.some((r) => r.actual !== undefined),
    expected: model.rows.some((r) => r.expected !== undefined),
    baseline: model.rows.some((r) => r.baseline !== undefined),
  };
  return (
    <div>
      <ComposedChart
        width={320}
        height={200}
        data={model.rows}
        margin={{ top: 24, right: 16, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#e7e5e4" vertical={false} />
        <XAxis
          dataKey="year"
          type="number"
          domain={[model.x[0] - 0.5, model.x[1] + 0.5]}
          ticks={ticks}
          tickFormatter={String}
          fontSize={10}
          tickLine={false}
          interval={0}
        />
        <YAxis
          domain={model.y}
          ticks={model.yTicks}
          width={46}
          fontSize={10}
          tickFormatter={axis}
          allowDataOverflow
          unit={model.percent ? "%" : undefined}
        />
        {model.bands.map((b) => (
          <ReferenceArea
            key={b.year}
            x1={b.year - 0.4}
            x2={b.year + 0.4}
            y1={b.from}
            y2={b.to}
            fill={TARGET}
            fillOpacity={0.18}
            stroke={TARGET}
            strokeDasharray="3 3"
          />
        ))}
        {has.expected ? (
          <Line
            dataKey="expected"
            name="Lộ trình để đạt mục tiêu"
            type="linear"
            stroke={PATH}
            strokeWidth={1.5}
            strokeDasharray="4 3"
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
        ) : null}
        {has.actual ? (
          <Line
            dataKey="actual"
            name="Thực hiện"
            type="linear"
            stroke={ACTUAL}
            strokeWidth={1.5}
            connectNulls
            isAnimationActive={false}
            dot={StatusDot}
            activeDot={false}
          />
        ) : null}
        <Scatter dataKey="target" name="Mục tiêu" shape={TargetShape} isAnimationActive={false}>
          <LabelList dataKey="targetLabel" position="top" fontSize={10} fill="#064e3b" offset={9} />
        </Scatter>
        {has.baseline ? (
          <Scatter dataKey="baseline" name="Cơ sở" shape={BaselineShape} isAnimationActive={false} />
        ) : null}
        <Tooltip
          content={(props: TooltipContentProps) => <Tip active={props.active} payload={props.payload} model={model} />}
          isAnimationActive={false}
        />
      </ComposedChart>
      <ul className="flex flex-wrap gap-x-3 gap-y-0.5 px-1 text-[11px] text-stone-700">
        {LEGEND.filter(
          ([label]) =>
            (label !== "Thực hiện" || has.actual) &&
            (label !== "Lộ trình để đạt mục tiêu" || has.expected) &&
            (label !== "Cơ sở" || has.baseline),
        ).map(([label, icon]) => (
          <li key={label} className="flex items-center gap-1">
            {icon}
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
