/** Pure HTML rendering of the site: pages, feeds, sitemaps, the stylesheet, and what a publish changes. */
export { affectedPages, type ListingChange } from './affected-pages';
export { pageName, PageSet, type PageKey } from './page-key';
export { renderArticlePage, moreInSectionLabel, NO_RELATED_TEXT, PREVIEW_CACHE_CONTROL, type ArticlePreview } from './article-page';
export { escapeHtml } from './escape-html';
export { FEED_CACHE_CONTROL, renderAtomFeed, renderFeeds, renderJsonFeed, renderRssFeed, type FeedSource } from './feeds';
export { HOME_PAGE_PATH, invalidationPaths, type RenderedArticle } from './invalidation-paths';
export {
  breakingBadge,
  renderFrontBody,
  SECTION_BLOCK_READ,
  SECTION_BLOCK_SIZE,
  TOP_STORIES,
  type FrontContent,
  type SectionBlock,
} from './front-page';
export { imageSrc, imageTag, type ImageLoading } from './image';
export { textDirection } from './language';
export { renderListPage, NO_ARTICLES_TEXT, type ListPage } from './list-page';
export {
  archivePageCount,
  archivePageRange,
  FEED_SIZE,
  frontFloor,
  LIST_PAGE_SIZE,
  listedArticle,
  listId,
  listRef,
  listsOf,
  monthOf,
  NEWS_WINDOW_MS,
  pageOfOrdinal,
  parseListId,
  type ArticleListing,
  type ListedArticle,
  type ListEntry,
  type ListKind,
  type ListRef,
} from './listing';
export { ListSnapshot, ordinalsNeeded, planListings, sameListing, type ListPlan, type PlannedListing } from './list-plan';
export { renderMarkdown, type RenderMarkdownOptions } from './markdown';
export { renderNotFoundPage } from './not-found-page';
export { isAllowedUrl, isExternalUrl } from './safe-url';
export { shareScript, shareScriptHref } from './share-script';
export {
  CSS_CONTENT_TYPE,
  HTML_CACHE_CONTROL,
  LIST_CACHE_CONTROL,
  HTML_CONTENT_TYPE,
  IMMUTABLE_CACHE_CONTROL,
  DEFAULT_SECTIONS,
  siteSections,
  type RenderedFile,
  type SiteAsset,
  type SiteConfig,
} from './site-config';
export { renderMonthSitemap, renderNewsSitemap, renderRobots, renderSitemapIndex } from './sitemaps';
export { contentHash, stylesheet, stylesheetFile, stylesheetHref } from './stylesheet';
export {
  articleHref,
  articleKey,
  articleUrl,
  encodePath,
  feedPath,
  listKey,
  listPath,
  monthSitemapPath,
  type FeedFormat,
  type PagedListKind,
} from './urls';
export { renderMovedPage, renderWithdrawnPage } from './withdrawn-page';
export { clearRenderCaches } from './render-caches';
