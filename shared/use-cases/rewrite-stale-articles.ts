import type { ArticleHead, ArticleHeadWithContent } from '../domain/article';
import { PageSet, type RenderedFile, type SiteConfig } from '../domain/render';
import type { ArticleStore } from '../ports/article-store';
import type { SiteBucket } from '../ports/site-bucket';
import { type ListReader, renderPage } from './render-pages';
import { MAX_RENDER_ROUNDS } from './write-current-pages';
import { withContent } from '../domain/article-content';

/** What {@link rewriteStaleArticles} needs. */
export interface StaleArticlesDependencies {
  readonly store: Pick<ArticleStore, 'getHeads' | 'getContents'>;
  readonly lists: ListReader;
  readonly site: Pick<SiteBucket, 'write'>;
  readonly siteConfig: SiteConfig;
}

/** The heads kept changing under a batch's article pages for {@link MAX_RENDER_ROUNDS} rounds. */
export class ArticlesKeptMovingError extends Error {
  override readonly name = 'ArticlesKeptMovingError';
}

/** What {@link rewriteStaleArticles} wrote. */
export interface StaleRewrite {
  /** The files written again. */
  readonly written: RenderedFile[];
  /** The heads whose article page was written again, as last read and rendered, by id. */
  readonly rewritten: ReadonlyMap<string, ArticleHead>;
}

/**
 * Reads `rendered` heads again after their pages were written, and writes the
 * article page again (a 410 or 301 where the story left or moved) for each
 * one that moved on meanwhile: a newer version, or newer related links. A
 * render that read a head just before a withdrawal, and wrote after the
 * withdrawal's own render, would otherwise leave the story's page up. Whoever
 * writes a page last has looked after its write, so the page converges on the
 * head as it is.
 *
 * @returns the files written again, and the heads they were rendered from
 * @throws ArticlesKeptMovingError when heads still move after {@link MAX_RENDER_ROUNDS} rounds
 */
export async function rewriteStaleArticles(deps: StaleArticlesDependencies, rendered: readonly ArticleHead[], now: Date): Promise<StaleRewrite> {
  const written: RenderedFile[] = [];
  const rewritten = new Map<string, ArticleHead>();
  let checked = rendered;
  for (let round = 1; checked.length > 0; round += 1) {
    const current = await deps.store.getHeads(checked.map((head) => head.id));
    const moved = checked.flatMap((before) => {
      const after = current.get(before.id);
      return after && (after.version !== before.version || (after.relatedRev ?? 0) !== (before.relatedRev ?? 0)) ? [{ before, after }] : [];
    });
    if (moved.length === 0) break;
    if (round > MAX_RENDER_ROUNDS) throw new ArticlesKeptMovingError(`${moved.length} stories kept changing for ${MAX_RENDER_ROUNDS} rounds`);
    const pages = new PageSet();
    const slugs = new Map<string, string>();
    for (const { before, after } of moved) {
      pages.add({ kind: 'article', slug: after.slug });
      if (before.slug === after.slug) continue;
      pages.add({ kind: 'article', slug: before.slug });
      if (after.status === 'published') slugs.set(before.slug, after.slug);
    }
    const contents = await deps.store.getContents(moved.map(({ after }) => after));
    const articles = new Map<string, ArticleHeadWithContent>(moved.map(({ after }) => [after.slug, withContent(after, contents)]));
    const ctx = { lists: deps.lists, site: deps.siteConfig, articles, moved: slugs, now };
    const files = (await Promise.all([...pages].map((page) => renderPage(page, ctx)))).flat();
    await deps.site.write(files);
    written.push(...files);
    for (const { after } of moved) rewritten.set(after.id, after);
    checked = moved.map(({ after }) => after);
  }
  return { written, rewritten };
}
