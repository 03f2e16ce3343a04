import { MAX_DRAFT_BYTES } from '../../events/names';
import type { ArticleHead, ArticleHeadWithContent, DraftProblem } from '../domain/article';
import { parseDraft } from '../domain/draft';
import { importedVersionState } from '../domain/lifecycle';
import { articleIdFor, sha256 } from '../domain/publishing/article-id';
import { planNextVersion } from '../domain/publishing/next-version';
import { bulkRetention, DEFAULT_RELATED_PARAMETERS, toRelatedLink } from '../domain/related';
import type { ArchiveStore } from '../ports/archive-store';
import type { IndexedDocument, RelatedIndex } from '../ports/related-index';
import { findRelated, indexedDocument, publishRelated } from './related-articles';
import type { ListedSite } from './rebuild-site';
import { chooseTakeaways } from './takeaway-provider';

/** Articles ranked between yields to the event loop. */
const RANK_SLICE = 20;

/** One draft file of an archive. */
export interface ArchiveFile {
  /** Path inside the archive folder, with `/` separators: the article's draft key is `drafts/<path>`. */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** ISO 8601: the article's original date when the draft has no `publishAt`. */
  readonly modifiedAt: string;
}

/** A phase of an import, for progress reports. */
export type ImportPhase = 'prepare' | 'rank' | 'write' | 'index';

/** What an archive import needs. */
export interface ImportDependencies {
  readonly store: ArchiveStore;
  /** The live related index the imported articles join. */
  readonly related: RelatedIndex;
  /**
   * An empty in-memory index to rank the archive's own related links in, so
   * that preparing the archive reads nothing from the table.
   */
  readonly scratch: RelatedIndex;
  /**
   * Starts the site's one bulk rebuild with the new articles' heads (not yet
   * in the table): lists them (the listings are written while the import
   * ranks and writes), and renders every page once the import is done.
   */
  readonly listSite: (heads: readonly ArticleHeadWithContent[]) => Promise<ListedSite>;
  readonly onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  /** Asked between chunks: true stops the import (Ctrl-C); what was written stays and a rerun resumes. */
  readonly stopRequested?: () => boolean;
  readonly now?: () => Date;
  /** Articles per chunk of reads and writes. @default 250 */
  readonly chunkSize?: number;
  /** Index writes in flight. @default 8 */
  readonly indexConcurrency?: number;
}

/** What an import did. */
export interface ImportSummary {
  readonly files: number;
  readonly imported: number;
  /** Already in the table with the same bytes (an earlier, interrupted run wrote them). */
  readonly alreadyPresent: number;
  readonly rejected: ReadonlyArray<{ readonly path: string; readonly problems: readonly DraftProblem[] }>;
  readonly interrupted: boolean;
  /** Whether the site was rebuilt (not when nothing was imported, nor after a stop before every article was written). */
  readonly rebuilt: boolean;
}

interface Prepared {
  readonly file: ArchiveFile;
  head: ArticleHeadWithContent;
  document?: IndexedDocument;
}

/**
 * Loads an archive of drafts as already-published history: each valid draft
 * becomes an article published at its original date (`publishAt`, else the
 * file's modification time), in stage `done` with no alert owed, so no stream
 * consumer renders or alerts it. The new articles are listed first (their
 * listings are written meanwhile), related links are ranked among the archive
 * in memory (oldest first, older articles gaining newer close matches), the
 * heads are written in bulk, then the articles join the live related index
 * while every page is rendered once. Resumable: an article already
 * stored with the same bytes is skipped; one stored with other bytes (live
 * history) is never overwritten. A stop waits for the listing writes, so a
 * rerun finds every listing whole.
 */
export async function importArchive(deps: ImportDependencies, files: readonly ArchiveFile[]): Promise<ImportSummary> {
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const chunkSize = deps.chunkSize ?? 250;
  const rejected: Array<{ path: string; problems: DraftProblem[] }> = [];
  const reject = (file: ArchiveFile, message: string, path = '') => rejected.push({ path: file.path, problems: [{ path, message }] });

  const prepared: Prepared[] = [];
  const slugs = new Map<string, string>();
  for (const [index, file] of files.entries()) {
    deps.onProgress?.('prepare', index + 1, files.length);
    const head = await prepareArticle(file, now);
    if ('problems' in head) rejected.push({ path: file.path, problems: head.problems });
    else if (slugs.has(head.slug)) reject(file, `The slug "${head.slug}" is taken by ${slugs.get(head.slug)} in the same archive.`, 'slug');
    else {
      slugs.set(head.slug, file.path);
      prepared.push({ file, head });
    }
  }
  prepared.sort((a, b) => a.head.publishedAt.localeCompare(b.head.publishedAt) || a.head.id.localeCompare(b.head.id));

  // What the table already holds: an article stored with the same bytes (a stopped run wrote it) is skipped,
  // one with other bytes or a slug taken by another article is rejected.
  const joined: Prepared[] = [];
  const added: Prepared[] = [];
  for (let start = 0; start < prepared.length; start += chunkSize) {
    const chunk = prepared.slice(start, start + chunkSize);
    const [stored, holders] = await Promise.all([
      deps.store.storedArticles(chunk.map((entry) => entry.head.id)),
      deps.store.slugHolders(chunk.map((entry) => entry.head.slug)),
    ]);
    for (const entry of chunk) {
      const existing = stored.get(entry.head.id);
      const holder = holders.get(entry.head.slug);
      if (existing?.sourceHash === entry.head.sourceHash) joined.push(entry);
      else if (existing) reject(entry.file, 'The article is already on the site with other content; the archive does not overwrite it.');
      else if (holder && holder !== entry.head.id)
        reject(entry.file, `The slug "${entry.head.slug}" is taken on the site; set another slug.`, 'slug');
      else added.push(entry);
    }
  }
  const alreadyPresent = joined.length;
  // Listing needs no related links: the listings are written while the archive is ranked and written.
  const site = added.length > 0 ? await deps.listSite(added.map((entry) => entry.head)) : undefined;
  const accepted = new Set([...joined, ...added]);
  const ranked = prepared.filter((entry) => accepted.has(entry));
  await rankRelated(deps.scratch, ranked, (done) => deps.onProgress?.('rank', done, ranked.length));

  let rendering: Promise<unknown> | undefined;
  const interrupted = async (imported: number, rebuilt: boolean): Promise<ImportSummary> => {
    await (rendering ?? site?.settled());
    return { files: files.length, imported, alreadyPresent, rejected, interrupted: true, rebuilt };
  };
  let imported = 0;
  for (let start = 0; start < added.length; start += chunkSize) {
    if (deps.stopRequested?.()) return interrupted(imported, false);
    const chunk = added.slice(start, start + chunkSize);
    await deps.store.writeArticles(chunk.map((entry) => entry.head));
    imported += chunk.length;
    deps.onProgress?.('write', imported, added.length);
  }
  // Every article is stored: its pages can go live while the index is loaded (they need nothing from it).
  rendering = site?.render(added.map((entry) => entry.head));
  rendering?.catch(() => undefined);

  // New articles join the index in bulk (BatchWrite), only the list entries a retrieval can read (with a margin);
  // ones a stopped run already wrote go one by one, since indexing a version is idempotent ('unchanged' once
  // indexed) and a live publish may have touched them since.
  let indexed = 0;
  const total = added.length + joined.length;
  await deps.related.importArticles(
    added.flatMap((entry) => (entry.document ? [entry.document] : [])),
    {
      concurrency: deps.indexConcurrency ?? 8,
      retention: bulkRetention(DEFAULT_RELATED_PARAMETERS),
      stopRequested: deps.stopRequested,
      onProgress: (done) => {
        indexed = done;
        deps.onProgress?.('index', indexed, total);
      },
    },
  );
  let next = 0;
  const worker = async () => {
    while (next < joined.length && !deps.stopRequested?.()) {
      const entry = joined[next++];
      if (entry?.document) await deps.related.indexArticle(entry.document);
      deps.onProgress?.('index', ++indexed, total);
    }
  };
  await Promise.all(Array.from({ length: deps.indexConcurrency ?? 8 }, worker));
  if (deps.stopRequested?.()) return interrupted(imported, site !== undefined);
  await rendering;
  return { files: files.length, imported, alreadyPresent, rejected, interrupted: false, rebuilt: site !== undefined };
}

/** A valid archive draft as a published, done head (related links still empty), or its problems. */
async function prepareArticle(file: ArchiveFile, now: string): Promise<ArticleHeadWithContent | { problems: DraftProblem[] }> {
  const draftKey = `drafts/${file.path}`;
  const parsed = parseDraft({ fileName: draftKey, bytes: file.bytes, maxBytes: MAX_DRAFT_BYTES, now });
  if (!parsed.ok) return { problems: parsed.errors };
  const draft = parsed.draft;
  const originalDate = draft.publishAt ?? file.modifiedAt;
  if (Date.parse(originalDate) > Date.parse(now)) {
    return { problems: [{ path: 'publishAt', message: 'An archive article cannot be dated in the future; publish it as a draft instead.' }] };
  }
  if (draft.image && !/^https:/i.test(draft.image.src ?? '')) {
    return { problems: [{ path: 'image.src', message: 'An archive import takes https images only; upload the draft with its image instead.' }] };
  }
  const takeaways = await chooseTakeaways({ draft });
  const head = planNextVersion({
    id: articleIdFor(draftKey),
    draftKey,
    draft: { ...draft, publishAt: undefined },
    previous: undefined,
    sourceHash: sha256(file.bytes),
    takeaways: takeaways.takeaways,
    takeawaysSource: takeaways.source,
    related: [],
    now: originalDate,
  });
  if (!head) throw new Error(`Unreachable: ${draftKey} planned no version`);
  return { ...head, ...importedVersionState() };
}

/**
 * Ranks related links among the archive in the scratch index, oldest first as
 * if each were published in turn: each article links older close matches, and
 * older articles it becomes a top match for gain it (their heads are updated
 * in memory, before anything is written).
 */
async function rankRelated(scratch: RelatedIndex, prepared: Prepared[], onRanked: (done: number) => void): Promise<void> {
  const byId = new Map(prepared.map((entry) => [entry.head.id, entry]));
  const store = {
    async transition(ref: { id: string }, event: { type: string; related?: readonly ArticleHead['related'][number][] }) {
      const entry = byId.get(ref.id);
      if (!entry || !event.related) return false;
      entry.head = { ...entry.head, related: [...event.related] };
      return true;
    },
  };
  for (const [index, entry] of prepared.entries()) {
    const plan = await findRelated(scratch, entry.head, DEFAULT_RELATED_PARAMETERS);
    entry.head = { ...entry.head, related: plan.links };
    await publishRelated({ index: scratch, store }, entry.head, plan);
    entry.document = indexedDocument(entry.head, plan);
    onRanked(index + 1);
    // The scratch index answers without I/O, so this loop would hold the event loop until it ends: yield now
    // and then, so the listing writes started before it keep going meanwhile.
    if (index % RANK_SLICE === RANK_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  // Neighbour updates changed older articles' lists after their documents were built: refresh their recorded lists.
  const current = await scratch.currentRelated(prepared.map((entry) => entry.head.id));
  for (const entry of prepared) {
    const related = current.get(entry.head.id);
    if (entry.document && related) entry.document = { ...entry.document, related: related.related };
    if (related) entry.head = { ...entry.head, related: related.related.map(toRelatedLink) };
  }
}
