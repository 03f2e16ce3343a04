import { randomBytes } from 'node:crypto';
import { MAX_DRAFT_BYTES } from '../../events/names';
import type { DraftBucket } from '../ports/draft-bucket';
import type { SiteAssets, SiteBucket } from '../ports/site-bucket';
import type { TopicPublisher } from '../ports/topic-publisher';
import type { Article } from '../domain/article';
import { parseDraft } from '../domain/draft';
import { previewReport, rejectedReport } from '../domain/publishing/draft-report';
import { isPreviewKey, previewAddress } from '../domain/publishing/preview';
import type { SiteConfig } from '../domain/render';
import { prepareDraftImage } from './draft-image';
import { fileReport as finish } from './file-report';
import type { TakeawayProvider } from '../ports/takeaway-provider';
import { chooseTakeaways } from './takeaway-provider';
import { ARTICLE_PAGE_CHUNK, chunkSpecifier } from '../config/lazy-chunks';

/** What previewing a draft needs: no table, no alerts topic. */
export interface PreviewDependencies {
  readonly drafts: DraftBucket;
  readonly site: SiteBucket & SiteAssets;
  readonly editors: TopicPublisher;
  readonly siteConfig: SiteConfig;
  readonly now?: () => Date;
  /** 16 random bytes per call. @default crypto.randomBytes */
  readonly random?: () => Uint8Array;
  readonly log?: (line: string, detail?: Record<string, unknown>) => void;
  readonly takeaways?: TakeawayProvider;
  readonly takeawaysTimeoutMs?: number;
}

/** What happened to one preview draft. */
export type PreviewOutcome = 'ignored' | 'rejected' | 'previewed';

/**
 * Renders a draft saved under `previews/` as its article page at a new,
 * unguessable address (`/preview/<token>/`) that expires after
 * `PREVIEW_TTL_HOURS`: validated exactly as a draft to publish (its image
 * copied to the site), but never stored in the table, so it joins no list,
 * feed or sitemap, gets no related links and sends no subscriber alert. The
 * report beside it and the editors' topic carry the link; a bad draft gets
 * the same line-numbered report as on publishing.
 */
export async function previewDraft(deps: PreviewDependencies, draftKey: string): Promise<PreviewOutcome> {
  if (!isPreviewKey(draftKey)) return 'ignored';
  const now = (deps.now ?? (() => new Date()))();
  const at = now.toISOString();
  const read = await deps.drafts.read(draftKey, MAX_DRAFT_BYTES);
  if (read.kind === 'missing') return 'ignored';
  const parsed =
    read.kind === 'too-large'
      ? { ok: false as const, errors: [{ path: '', message: `The draft is ${read.size} bytes; the limit is ${MAX_DRAFT_BYTES} bytes.` }] }
      : parseDraft({ fileName: draftKey, bytes: read.bytes, maxBytes: MAX_DRAFT_BYTES });
  const prepared = parsed.ok ? await prepareDraftImage({ drafts: deps.drafts, assets: deps.site }, draftKey, parsed.draft) : parsed;
  if (!prepared.ok) {
    await finish(deps, rejectedReport(draftKey, prepared.errors, at));
    return 'rejected';
  }
  const { draft } = prepared;
  const takeaways = await chooseTakeaways({ draft, provider: deps.takeaways, timeoutMs: deps.takeawaysTimeoutMs });
  const address = previewAddress(now, (deps.random ?? (() => randomBytes(16)))());
  const article: Article = {
    ...draft,
    id: `preview-${address.token}`,
    version: 0,
    status: 'published',
    takeaways: takeaways.takeaways,
    takeawaysSource: takeaways.source,
    related: [],
    publishedAt: draft.publishAt ?? at,
    updatedAt: draft.publishAt ?? at,
    draftKey,
  };
  // The page renderer loads on the first preview, not at every cold start of ingest.
  const { renderArticlePage }: typeof import('../domain/render/article-page') = await import(
    chunkSpecifier(ARTICLE_PAGE_CHUNK, '../domain/render/article-page')
  );
  await deps.site.write([renderArticlePage(article, deps.siteConfig, { key: address.key, expiresAt: address.expiresAt })]);
  await finish(deps, previewReport(draftKey, `${deps.siteConfig.baseUrl}${address.path}`, address.expiresAt, at));
  return 'previewed';
}
