import type { ArticleSummary } from '../../../../shared/domain/article';
import { renderListPage, type SectionBlock, type SiteConfig } from '../../../../shared/domain/render';

/** The home front page as the render job writes it: the home list's front page with the section blocks. */
export function renderHomeFront(items: readonly ArticleSummary[], site: SiteConfig, archivePages = 0, blocks: readonly SectionBlock[] = []) {
  return renderListPage({ kind: 'home', slug: '', name: 'Latest', items, archivePages, blocks }, site);
}
