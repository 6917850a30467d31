// The one look of a text box, a select and a text area. A control marked aria-invalid shows it (red
// border), so a refused field looks refused wherever it is.

const BASE =
  "rounded border border-stone-300 bg-white font-normal aria-invalid:border-red-500 aria-invalid:bg-red-50 disabled:opacity-60";

export const inputStyle = {
  /** A field of a form: full width, under its label. */
  field: `${BASE} mt-1 block w-full px-2 py-1.5`,
  /** In a line of controls (filters, a reason beside a button). */
  inline: `${BASE} px-2 py-1`,
  /** Small controls inside a table row or a header. */
  compact: `${BASE} px-1.5 py-0.5 text-xs`,
  /** A cell of an editable grid. */
  cell: `${BASE} w-full px-1.5 py-1`,
} as const;
