import Link from "next/link";

// Pages of a list read on the server: the page is a URL parameter beside the filters, so a page can
// be linked to, reloaded and gone back to.

/**
 * The URL of `path` with `params` (empty values left out) and the page (left out for the first) as
 * `pageParam` (a page with several paged lists names each one's page differently), then `hash`.
 */
export function pageHref(
  path: string,
  params: Record<string, string | undefined>,
  page: number,
  pageParam = "page",
  hash = "",
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value && key !== pageParam) query.set(key, value);
  if (page > 1) query.set(pageParam, String(page));
  const text = query.toString();
  return `${text ? `${path}?${text}` : path}${hash}`;
}

/** The number of pages for `total` rows, at least one. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

export function Pager({
  path,
  params,
  page,
  total,
  size,
  noun,
  pageParam = "page",
  hash = "",
  label = "Phân trang",
}: {
  path: string;
  params: Record<string, string | undefined>;
  page: number;
  total: number;
  size: number;
  /** What is counted: "tài khoản", "mục". */
  noun: string;
  /** The URL parameter of this list's page, and the anchor its links go back to (lists below the top of the page). */
  pageParam?: string;
  hash?: string;
  /** The navigation's accessible name, distinct when a page has several. */
  label?: string;
}) {
  const pages = pageCount(total, size);
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(page * size, total);
  const link = "rounded border border-stone-300 bg-white px-2 py-1 hover:bg-stone-100";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
      <span data-testid={pageParam === "page" ? "pager-summary" : `${pageParam}-summary`}>
        {total === 0
          ? `Không có ${noun} nào`
          : `${first.toLocaleString("vi-VN")}–${last.toLocaleString("vi-VN")} trong ${total.toLocaleString("vi-VN")} ${noun}`}
      </span>
      {page > 1 ? (
        <Link href={pageHref(path, params, page - 1, pageParam, hash)} className={link} rel="prev">
          ← Trang trước
        </Link>
      ) : null}
      {pages > 1 ? (
        <span aria-current="page">
          Trang {page}/{pages}
        </span>
      ) : null}
      {page < pages ? (
        <Link href={pageHref(path, params, page + 1, pageParam, hash)} className={link} rel="next">
          Trang sau →
        </Link>
      ) : null}
    </nav>
  );
}
