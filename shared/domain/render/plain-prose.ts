/**
 * Characters that make a line more than prose to a CommonMark parser: inline
 * syntax (escapes, code, emphasis, strikethrough, links, images, autolinks,
 * tables), whitespace other than the plain space and line feed, and NUL.
 */
const NOT_PROSE = /[\\`*_~[\]<>|\0]|[^\S \n]/;

/** A line start that opens a block: heading, quote, list item, rule, setext underline, fence, HTML. */
const BLOCK_START = /^(?:[#>+\-*=_`~<]|\d{1,9}[.)])/;

/** An entity or numeric character reference, which CommonMark decodes. */
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;

/**
 * Renders Markdown that is only prose (paragraphs of plain text separated by
 * blank lines) as the site's CommonMark renderer would, byte for byte, without
 * parsing: each paragraph becomes `<p>…</p>\n`, its lines kept and joined by
 * `\n`, with `&` and `"` escaped. Returns undefined for anything else (any
 * line that is indented, ends in a space or opens a block; any inline
 * syntax, entity or other whitespace), which must go to the full renderer.
 * Most news bodies are prose only and render several times faster this way.
 */
export function renderPlainProse(markdown: string): string | undefined {
  if (NOT_PROSE.test(markdown) || ENTITY.test(markdown)) return undefined;
  let html = '';
  let paragraph = '';
  for (const line of markdown.split('\n')) {
    if (line === '') {
      if (paragraph !== '') html += `<p>${paragraph}</p>\n`;
      paragraph = '';
      continue;
    }
    if (line.startsWith(' ') || line.endsWith(' ') || BLOCK_START.test(line)) return undefined;
    paragraph += (paragraph === '' ? '' : '\n') + line.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  }
  if (paragraph !== '') html += `<p>${paragraph}</p>\n`;
  return html;
}
