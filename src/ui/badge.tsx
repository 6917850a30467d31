/** The classes of each tone are in badge.css. */
type Tone = "neutral" | "red" | "amber" | "green" | "blue";

export function Badge({
  tone = "neutral",
  children,
  title,
}: {
  tone?: Tone;
  children: React.ReactNode;
  title?: string;
}) {
  return (
    <span title={title} className={`badge badge-${tone}`}>
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
