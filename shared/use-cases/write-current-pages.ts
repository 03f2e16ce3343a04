import DataLoader from 'dataloader';
import type { PageKey, RenderedFile } from '../domain/render';
import type { ArticleLists, ListRevision } from '../ports/article-lists';
import type { SiteBucket } from '../ports/site-bucket';
import { type ListReader, type PageContext, renderPage } from './render-pages';

/** What {@link writeCurrentPages} needs: the list reads, their revisions, and the bucket. */
export interface CurrentPagesDependencies {
  readonly lists: ListReader & Pick<ArticleLists, 'revisions'>;
  readonly site: Pick<SiteBucket, 'write'>;
}

/** Rounds after which lists that keep moving under the pages fail the batch, to be retried. */
export const MAX_RENDER_ROUNDS = 5;

/** The lists kept moving under a batch's pages for {@link MAX_RENDER_ROUNDS} rounds. */
export class ListsKeptMovingError extends Error {
  override readonly name = 'ListsKeptMovingError';
}

/**
 * Renders and writes `pages` so that a list page is never left older than the
 * lists it shows. Two renders can run at once (lanes, parallel batches): one
 * may read a list before the other's article is on it and write after the
 * other's page, leaving the site without that article. So each list's
 * revision is read before its entries, and again after the pages are
 * written; a page that read a list whose revision moved is rendered and
 * written again. The last writer of a page has always looked after its write,
 * so the site converges on the lists as they are.
 *
 * @returns every file written, the re-rendered ones again
 * @throws ListsKeptMovingError when lists still move after {@link MAX_RENDER_ROUNDS} rounds
 */
export async function writeCurrentPages(
  deps: CurrentPagesDependencies,
  pages: readonly PageKey[],
  ctx: Omit<PageContext, 'lists' | 'totals'>,
): Promise<RenderedFile[]> {
  const written: RenderedFile[] = [];
  let due = pages;
  let known = new Map<string, ListRevision>();
  for (let rounds = 1; due.length > 0; rounds += 1) {
    if (rounds > MAX_RENDER_ROUNDS) throw new ListsKeptMovingError(`The lists under ${due.length} pages kept moving for ${MAX_RENDER_ROUNDS} rounds`);
    const revisions = new DataLoader<string, ListRevision>(async (ids) => {
      const read = await deps.lists.revisions(ids);
      return ids.map((id) => read.get(id) ?? { revision: 0, total: 0 });
    });
    for (const [id, revision] of known) revisions.prime(id, revision);
    const reads = new Map<PageKey, Set<string>>();
    const files = await Promise.all(
      due.map((page) => {
        const read = new Set<string>();
        reads.set(page, read);
        return renderPage(page, { ...ctx, lists: readingRevisionsFirst(deps.lists, read, revisions) });
      }),
    );
    await deps.site.write(files.flat());
    written.push(...files.flat());

    const before = new Map<string, number>();
    for (const ids of reads.values()) for (const id of ids) before.set(id, (await revisions.load(id)).revision);
    // Pages that read no list (an article's own page) have nothing to look at again.
    if (before.size === 0) break;
    known = await deps.lists.revisions([...before.keys()]);
    const moved = new Set([...before].filter(([id, revision]) => known.get(id)?.revision !== revision).map(([id]) => id));
    due = due.filter((page) => [...(reads.get(page) ?? [])].some((id) => moved.has(id)));
  }
  return written;
}

/**
 * `lists` with each list's revision and total read (through `revisions`, at
 * one moment) before its entries, and every list read noted in `read`. The
 * total comes from that same read: a total read earlier (the batch's own
 * update) could stop a page short of entries a concurrent batch had already
 * counted in its revision.
 */
function readingRevisionsFirst(lists: ListReader, read: Set<string>, revisions: DataLoader<string, ListRevision>): ListReader {
  const first = async (id: string) => {
    read.add(id);
    return revisions.load(id);
  };
  const after =
    <A extends unknown[], T>(reader: (id: string, ...rest: A) => Promise<T>) =>
    async (id: string, ...rest: A): Promise<T> => {
      await first(id);
      return reader(id, ...rest);
    };
  return {
    total: async (id) => (await first(id)).total,
    front: after(lists.front.bind(lists)),
    archivePage: after(lists.archivePage.bind(lists)),
    latest: after(lists.latest.bind(lists)),
    all: after(lists.all.bind(lists)),
    // Not checked: only a batch that starts a month renders the sitemap index, so two renders of it race only when two months start at once.
    months: () => lists.months(),
  };
}
