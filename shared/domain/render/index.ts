/** Pure HTML rendering of the site: pages, the stylesheet, and the Markdown and escaping they use. */
export { renderArticlePage, NO_RELATED_TEXT } from './article-page';
export { escapeHtml } from './escape-html';
export { renderHomePage, NO_ARTICLES_TEXT } from './home-page';
export { textDirection } from './language';
export { renderMarkdown, type RenderMarkdownOptions } from './markdown';
export { renderNotFoundPage } from './not-found-page';
export { isAllowedUrl, isExternalUrl } from './safe-url';
export {
  CSS_CONTENT_TYPE,
  HTML_CACHE_CONTROL,
  HTML_CONTENT_TYPE,
  IMMUTABLE_CACHE_CONTROL,
  type RenderedFile,
  type SiteConfig,
} from './site-config';
export { contentHash, stylesheet, stylesheetFile, stylesheetHref } from './stylesheet';
export { articleHref, articleKey, articleUrl, encodePath } from './urls';
