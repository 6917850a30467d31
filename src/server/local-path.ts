// Where to send someone after sign-in: only a path of this site. The text is parsed as a browser
// would parse it (WHATWG URL, against a placeholder origin), so "/\evil.example", "/%09/evil" after
// decoding, "/\t/evil" or "https:evil" resolve to another origin and are refused; and the path that
// comes out is refused again if a browser would read it as another host ("//evil" after the
// parser removed "/./").

const PLACEHOLDER = "http://local.invalid";

export function localPath(raw: string | null | undefined, fallback = "/plans"): string {
  if (typeof raw !== "string" || raw === "" || raw.length > 2000) return fallback;
  // Control characters (tabs, newlines) are dropped by browsers inside URLs: no honest link has them.
  if (/[\u0000-\u001f\u007f]/.test(raw) || !raw.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}

/** next-auth's redirect callback: a path or an address of this site, else the plan list. */
export function sameSiteRedirect(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  if (url.startsWith("/")) return `${base.origin}${localPath(url)}`;
  try {
    const target = new URL(url);
    if (target.origin === base.origin)
      return `${base.origin}${localPath(`${target.pathname}${target.search}${target.hash}`)}`;
  } catch {
    // not a URL: the default below
  }
  return `${base.origin}/plans`;
}
