/** Small structural helpers for asserting on rendered HTML without a DOM. */

/**
 * The element whose opening tag first matches `openTag` (a regex on the tag, e.g.
 * `/<section id="related"[^>]*>/`), from its opening to its matching closing tag,
 * counting nested elements of the same name. Throws when absent.
 */
export function element(html: string, openTag: RegExp): string {
  const match = openTag.exec(html);
  if (!match) throw new Error(`no element matching ${openTag}`);
  const name = /^<([a-z0-9]+)/i.exec(match[0])?.[1];
  if (!name) throw new Error(`${openTag} does not match an opening tag`);
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = match.index + match[0].length;
  let depth = 1;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return html.slice(match.index, tag.index + tag[0].length);
  }
  throw new Error(`element matching ${openTag} is not closed`);
}

/** The text content of every element named `tag` in `html`, tags inside stripped, in document order. */
export function texts(html: string, tag: string): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'gi');
  return [...html.matchAll(re)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').trim());
}

/** The values of attribute `name` on every tag in `html`, undecoded, in document order. */
export function attributeValues(html: string, name: string): string[] {
  const re = new RegExp(`\\s${name}="([^"]*)"`, 'gi');
  return [...html.matchAll(re)].map((m) => m[1] ?? '');
}

/** The levels of all headings, in document order. */
export function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])\b/gi)].map((m) => Number(m[1]));
}
