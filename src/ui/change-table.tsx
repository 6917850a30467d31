import type { ReactNode } from "react";

// The table of recorded changes, shared by a plan's history and the audit log: the same columns in
// the same style, so that an official who reads one reads the other.

/** Recorded fields as "label: value" lines (a label may be empty). */
export function FieldList({ fields }: { fields: readonly (readonly [string, string])[] }) {
  if (fields.length === 0) return null;
  return (
    <dl className="space-y-0.5 text-xs">
      {fields.map(([label, value], i) => (
        <div key={i} className="break-words">
          {label ? <dt className="inline font-semibold">{label}: </dt> : null}
          <dd className="inline">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The table's frame: a caption for screen readers, the column headers, and the rows given. */
export function ChangeTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100 text-left">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The cells "Trước" and "Sau" of a change. */
export function BeforeAfterCells({
  before,
  after,
}: {
  before: readonly (readonly [string, string])[];
  after: readonly (readonly [string, string])[];
}) {
  return (
    <>
      <td className="max-w-xs px-3 py-2">
        <FieldList fields={before} />
      </td>
      <td className="max-w-xs px-3 py-2">
        <FieldList fields={after} />
      </td>
    </>
  );
}
