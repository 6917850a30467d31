import { resolutionLabel, type ResolutionChoice } from "@/domain/resolution-choice";
import { inputStyle } from "./input-style";

/**
 * Picks the resolution (the Central document at the top of a cascade) a page shows, as a GET form so
 * the choice lands in the URL (?resolution=<id>) and can be shared; works without JavaScript. Nothing
 * is shown when only one resolution applies (ADR 0033). `keep` are the page's other parameters that
 * stay as they are (a year, say); anything tied to one cascade (a plan, a page of a list) is dropped.
 */
export function ResolutionPicker({
  choices,
  selected,
  action,
  keep = {},
  className = "",
}: {
  choices: readonly ResolutionChoice[];
  selected: string | null;
  action: string;
  keep?: Record<string, string | undefined>;
  className?: string;
}) {
  if (choices.length < 2) return null;
  return (
    <form
      method="get"
      action={action}
      aria-label="Chọn nghị quyết"
      className={`flex flex-wrap items-end gap-2 text-sm ${className}`}
      data-testid="resolution-picker"
    >
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <label className="max-w-2xl font-semibold">
        Nghị quyết
        <select
          name="resolution"
          defaultValue={selected ?? undefined}
          className={`ml-2 max-w-full ${inputStyle.inline}`}
        >
          {choices.map((c) => (
            <option key={c.id} value={c.id} title={c.title}>
              {resolutionLabel(c)} ({c.plans} kế hoạch)
            </option>
          ))}
        </select>
      </label>
      <button className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-50">Xem</button>
    </form>
  );
}

/** "Thực hiện Nghị quyết 42-NQ/TW — …": the one resolution a page is about, in a line (plan pages, a page with one choice). */
export function ResolutionLine({
  choice,
  href,
  kind = "Nghị quyết",
}: {
  choice: Pick<ResolutionChoice, "number" | "title">;
  href?: string;
  /** What the document is ("Nghị quyết", "Kế hoạch" for a local plan at the top of its own cascade). */
  kind?: string;
}) {
  const label = resolutionLabel(choice);
  return (
    <p className="text-sm text-stone-700" data-testid="resolution-line">
      Thực hiện {kind}{" "}
      {href ? (
        <a href={href} className="text-brand-700 hover:underline" title={choice.title}>
          {label}
        </a>
      ) : (
        <span title={choice.title}>{label}</span>
      )}
    </p>
  );
}
