"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { ChartModel } from "./plan-dashboard";

// Keeps the page's JavaScript small: Recharts is fetched only when the first chart scrolls into
// view, and each chart renders only when it is near the viewport. Without JavaScript, the table
// beside each chart still has every number.

const IndicatorChart = dynamic(() => import("./indicator-chart"), {
  ssr: false,
  loading: () => <div className="h-60 w-80 animate-pulse rounded bg-stone-50" />,
});

export function ChartSlot({ model, label }: { model: ChartModel; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "300px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} role="img" aria-label={`Biểu đồ ${label}; số liệu ở bảng bên cạnh`} className="h-60 w-80 shrink-0">
      {near ? <IndicatorChart model={model} /> : null}
    </div>
  );
}
