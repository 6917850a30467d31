import { inputStyle } from "./input-style";

/** A small GET form that switches the year a page shows (works without JavaScript); `keep` are other parameters that stay. */
export function YearPicker({
  year,
  years,
  className = "",
  keep = {},
}: {
  year: number;
  years: number[];
  className?: string;
  keep?: Record<string, string | undefined>;
}) {
  return (
    <form method="get" className={`flex items-end gap-2 ${className}`}>
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <label className="font-semibold">
        Năm
        <select name="year" defaultValue={String(year)} className={`ml-2 ${inputStyle.inline}`}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <button className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-50">Xem</button>
    </form>
  );
}
