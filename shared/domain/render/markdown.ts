import Renderer from 'markdown-it/lib/renderer.mjs';
import { markdownParser, type MarkdownToken } from '../text/markdown-parser';
import { renderPlainProse } from './plain-prose';
import { isExternalUrl } from './safe-url';

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /**
   * Headings above this level are demoted to it, so Markdown headings keep the
   * page outline (e.g. `2` under the page's `h1`).
   * @default 1
   */
  readonly minHeadingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
}

/** The page's rules on the parser's block tokens: heading levels kept under the page outline, no inline styles. */
function applyPageRules(tokens: readonly MarkdownToken[], minLevel: number): void {
  for (const token of tokens) {
    if ((token.type === 'heading_open' || token.type === 'heading_close') && Number(token.tag.slice(1)) < minLevel) {
      token.tag = `h${minLevel}`;
    }
    // Table alignment comes out as a style attribute, which the site's CSP blocks.
    if (token.type === 'th_open' || token.type === 'td_open') {
      const style = token.attrGet('style');
      const align = /text-align:(left|right|center)/.exec(style ?? '')?.[1];
      if (style !== null) token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      if (align) token.attrSet('class', `align-${align}`);
    }
  }
}

// A renderer of its own, not a second MarkdownIt (whose parser chains would be built at every cold start and never
// used): parsing is markdownParser's, shared with the plain-text reader.
const renderer = new Renderer();

renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  const href = token?.attrGet('href');
  if (token && href && isExternalUrl(href)) token.attrSet('rel', 'noopener noreferrer');
  return self.renderToken(tokens, idx, options);
};

const renderImage = renderer.rules.image;
renderer.rules.image = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('loading', 'lazy');
  return renderImage ? renderImage(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
};

/**
 * Renders editor Markdown (CommonMark) to an HTML fragment that is safe to
 * embed: raw HTML is escaped, link and image URLs other than relative,
 * `http:`, `https:` and `mailto:` are not turned into links, external links
 * get `rel="noopener noreferrer"`, and no inline `style` attribute is emitted.
 * Parsed by the same parser as the plain text that takeaways and related
 * terms read ({@link markdownParser}). Prose-only Markdown takes
 * `renderPlainProse`, which writes the same bytes without parsing.
 */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions = {}): string {
  const prose = renderPlainProse(markdown);
  if (prose !== undefined) return prose;
  const env = {};
  const tokens = markdownParser.parse(markdown, env);
  applyPageRules(tokens, options.minHeadingLevel ?? 1);
  return renderer.render(tokens, markdownParser.options, env);
}
