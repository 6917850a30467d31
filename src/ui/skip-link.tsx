/** Where the skip link leads: the <main> of every layout carries this id (and tabIndex -1, to take focus). */
export const MAIN_ID = "noi-dung-chinh";

/**
 * The first thing a keyboard user reaches on every page: straight to the content, past the header and
 * its navigation (WCAG 2.4.1). Hidden until it has focus.
 */
export function SkipLink() {
  return (
    <a
      href={`#${MAIN_ID}`}
      className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:font-semibold focus:text-brand-700 focus:shadow"
    >
      Bỏ qua đến nội dung chính
    </a>
  );
}
