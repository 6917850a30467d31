const tones = {
  neutral: "bg-stone-100 text-stone-700 ring-stone-300",
  red: "bg-red-50 text-red-800 ring-red-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-300",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  blue: "bg-sky-50 text-sky-800 ring-sky-200",
} as const;

export function Badge({
  tone = "neutral",
  children,
  title,
}: {
  tone?: keyof typeof tones;
  children: React.ReactNode;
  title?: string;
}) {
  return (
    <span
      title={title}
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

/** Demo figures are never presented as real ones. */
export function IllustrativeBadge() {
  return (
    <Badge tone="amber" title="Số liệu và nội dung được tạo để minh họa, không phải số liệu thực tế">
      dữ liệu minh họa
    </Badge>
  );
}
