import MarkdownIt from 'markdown-it';
import { isAllowedUrl } from '../render/safe-url';

/** A token of the parse: block tokens, and `inline` ones holding their `children`. */
export type MarkdownToken = ReturnType<MarkdownIt['parse']>[number];

/**
 * The site's one Markdown parser (CommonMark plus GFM tables and strikethrough, raw
 * HTML off, links and images only to allowed URLs). Pages are rendered from its token
 * stream and plain text, sentences and index terms are read from the same stream, so a
 * reader and the takeaways see the same text. Renderer rules belong to the page
 * renderer, not to this instance.
 */
// linkify stays off: the function bundles carry a stand-in for linkify-it (linkify-off.ts).
export const markdownParser = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdownParser.validateLink = isAllowedUrl;

let lastParse: { readonly source: string; readonly tokens: readonly MarkdownToken[] } | undefined;

/**
 * The tokens of `source`, read only. The last parse is kept, so the steps of one
 * ingest (takeaways, related terms) parse a body once.
 */
export function parseMarkdown(source: string): readonly MarkdownToken[] {
  if (lastParse?.source !== source) lastParse = { source, tokens: markdownParser.parse(source, {}) };
  return lastParse.tokens;
}
