/** URL schemes a rendered link or image may use; anything else with a scheme is refused. */
export const ALLOWED_URL_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);

const SCHEME_RE = /^([a-z][a-z0-9+.-]*):/i;
// Browsers drop ASCII tab and newline anywhere in a URL and C0 controls/space at its ends,
// so `java\tscript:` still runs; remove them (and other controls) before reading the scheme.
const IGNORED_CHARS_RE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

function decodePercents(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** The URL's scheme, lower-cased and without the colon, after undoing the obfuscations browsers ignore; `undefined` for a relative URL. */
export function urlScheme(url: string): string | undefined {
  const cleaned = decodePercents(url.replace(IGNORED_CHARS_RE, '')).replace(IGNORED_CHARS_RE, '');
  return SCHEME_RE.exec(cleaned)?.[1]?.toLowerCase();
}

/**
 * Whether a URL may be rendered as an `href` or `src`: relative URLs and the
 * `http:`, `https:` and `mailto:` schemes pass; `javascript:`, `vbscript:`,
 * `data:` and every other scheme fail, in any letter case and with control
 * characters or percent-encoding inserted. Character references must already
 * be decoded (markdown-it does so for link destinations).
 */
export function isAllowedUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || ALLOWED_URL_SCHEMES.has(scheme);
}

/** Whether a URL leaves the site: absolute `http(s):` or protocol-relative (`//host/...`). */
export function isExternalUrl(url: string): boolean {
  const trimmed = url.trim();
  const scheme = urlScheme(trimmed);
  return scheme === 'http' || scheme === 'https' || /^[/\\]{2}/.test(trimmed);
}
