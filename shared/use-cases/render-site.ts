import { STAGES } from '../../events/names';
import type { ArticleVersionRef } from '../../events/article-stream-record';
import type { ArticleStore } from '../adapters/article-store';
import type { CdnInvalidator } from '../adapters/cdn-invalidator';
import type { SiteBucket } from '../adapters/site-bucket';
import { articlePath } from '../domain/article';
import {
  renderArticlePage,
  renderHomePage,
  renderNotFoundPage,
  stylesheet,
  type SiteConfig,
} from '../domain/render';

/** What rendering needs. */
export interface RenderDependencies {
  readonly store: ArticleStore;
  readonly site: SiteBucket;
  readonly cdn: CdnInvalidator;
  readonly siteConfig: SiteConfig;
}

/** What happened to one render request. */
export type RenderOutcome = 'rendered' | 'stale';

const HOME_PAGE_SIZE = 30;

/**
 * Renders an article version and the pages it changes, then moves the
 * article on: to the notify stage when an alert is owed, else done. A
 * request for a version that is no longer current, or already rendered, is
 * stale and does nothing (its successor has its own request).
 */
export async function renderSite(deps: RenderDependencies, ref: ArticleVersionRef): Promise<RenderOutcome> {
  const head = await deps.store.getHead(ref.id);
  if (!head || head.version !== ref.version || head.stage !== STAGES.render) return 'stale';

  const latest = await deps.store.listPublished(HOME_PAGE_SIZE);
  const files = [
    stylesheet(),
    renderArticlePage(head, deps.siteConfig),
    renderHomePage(latest, deps.siteConfig),
    renderNotFoundPage(deps.siteConfig),
  ];
  // The stylesheet goes first so that no page is ever live before the CSS it links to.
  await deps.site.write(files.slice(0, 1));
  await deps.site.write(files.slice(1));
  await deps.cdn.invalidate(['/', articlePath(head.slug)], `${head.id}-v${head.version}`);

  const advanced = await deps.store.advanceStage(
    head.id,
    head.version,
    STAGES.render,
    head.alertDue ? STAGES.notify : STAGES.done,
  );
  return advanced ? 'rendered' : 'stale';
}
