const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const SPECIAL = /[&<>"']/g;

/**
 * Escapes text for use in HTML element content and in quoted attribute values:
 * `&`, `<`, `>`, `"` and `'` become character references. Nothing else changes.
 */
export function escapeHtml(text: string): string {
  // One pass: text with nothing to escape (most names, slugs and URLs) comes back as it is, without a copy.
  SPECIAL.lastIndex = 0;
  let match = SPECIAL.exec(text);
  if (match === null) return text;
  let out = '';
  let last = 0;
  do {
    const index = match.index;
    const char = text.charAt(index);
    out += text.slice(last, index) + (HTML_ESCAPES[char] ?? char);
    last = index + 1;
    match = SPECIAL.exec(text);
  } while (match !== null);
  return out + text.slice(last);
}
