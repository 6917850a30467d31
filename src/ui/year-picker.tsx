import { inputStyle } from "./input-style";

/** A small GET form that switches the year a page shows (works without JavaScript). */
export function YearPicker({ year, years, className = "" }: { year: number; years: number[]; className?: string }) {
  return (
    <form method="get" className={`flex items-end gap-2 ${className}`}>
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
