import { createMemoryLists } from '../../../bench/site/memory-lists';
import type { CdnInvalidator } from '../../../shared/ports/cdn-invalidator';
import type { SiteBucket } from '../../../shared/ports/site-bucket';
import type { SiteConfig } from '../../../shared/domain/render';
import { staticFilesOnce } from '../../../shared/use-cases/render-pages';
import type { RenderDependencies } from '../../../shared/use-cases/render-site';
import { createMemoryArticleStore } from './article-store';

/** Render dependencies on in-memory ports: a fresh store and lists, `site` as the bucket, static files written once. */
export function memoryRenderDependencies(
  site: SiteBucket,
  siteConfig: SiteConfig,
  cdn: CdnInvalidator = { invalidate: async () => undefined },
): RenderDependencies & { readonly store: ReturnType<typeof createMemoryArticleStore> } {
  const store = createMemoryArticleStore();
  return {
    store,
    lists: createMemoryLists(async (id) => (await store.getHead(id))?.version),
    site,
    cdn,
    siteConfig,
    writeStaticFiles: staticFilesOnce(site, siteConfig),
  };
}
