import type { ArticleSummary } from '../article';
import type { SectionBlock } from './front-page';
import { renderListPage } from './list-page';
import type { RenderedFile, SiteConfig } from './site-config';

export { NO_ARTICLES_TEXT } from './list-page';

/**
 * Renders the home front page (key `index.html`): the latest articles in the
 * order given (callers pass latest first) as lead, top stories and a
 * "Latest" list, with the section `blocks`, linking to archive page
 * `archivePages` when there is one.
 */
export function renderHomePage(
  items: readonly ArticleSummary[],
  site: SiteConfig,
  archivePages = 0,
  blocks: readonly SectionBlock[] = [],
): RenderedFile {
  return renderListPage({ kind: 'home', slug: '', name: 'Latest', items, archivePages, blocks }, site);
}
