import type { ArticleStore, SaveOutcome } from '../../../shared/ports/article-store';
import type { ArticleContent, ArticleHead, ArticleHeadWithContent, ArticleSummary } from '../../../shared/domain/article';
import { ARTICLE_CONTENT_FIELDS } from '../../../shared/domain/article-schema';
import { applyEvent, UNFINISHED_STAGES, waitingSince } from '../../../shared/domain/lifecycle';

function withoutContent(head: ArticleHeadWithContent): ArticleHead {
  return Object.fromEntries(Object.entries(head).filter(([field]) => !Object.hasOwn(ARTICLE_CONTENT_FIELDS, field))) as ArticleHead;
}

function contentOf(version: ArticleHeadWithContent): ArticleContent {
  return Object.fromEntries(
    Object.entries(version).filter(([field, value]) => Object.hasOwn(ARTICLE_CONTENT_FIELDS, field) && value !== undefined),
  ) as ArticleContent;
}

/**
 * An in-memory {@link ArticleStore} with the DynamoDB adapter's semantics:
 * a save against a stale version throws, a slug held by another article is
 * refused, and a lifecycle event applies only to the named version when the
 * table's guard holds. Each call checks and writes in one synchronous step,
 * as one conditional write does, so concurrent callers race as they would
 * on the table.
 */
export function createMemoryArticleStore(): ArticleStore & { readonly heads: ReadonlyMap<string, ArticleHead> } {
  const heads = new Map<string, ArticleHead>();
  const versions = new Map<string, ArticleHeadWithContent[]>();
  const slugs = new Map<string, string>();

  async function saveVersion(next: ArticleHeadWithContent, previousVersion: number): Promise<SaveOutcome> {
    const current = heads.get(next.id);
    if ((current?.version ?? 0) !== previousVersion) throw new Error(`ConditionalCheckFailed: ${next.id} is not at version ${previousVersion}`);
    const holderId = slugs.get(next.slug);
    const holder = holderId === undefined || holderId === next.id ? undefined : heads.get(holderId);
    if (holder) return { kind: 'slug-taken', holder: { id: holder.id, title: holder.title, draftKey: holder.draftKey } };
    // As on the table, the head holds no content: readers get it from the version.
    heads.set(next.id, withoutContent(next));
    versions.set(next.id, [...(versions.get(next.id) ?? []), next]);
    slugs.set(next.slug, next.id);
    return { kind: 'saved', head: next };
  }

  return {
    heads,
    getHead: async (id) => heads.get(id),
    getHeads: async (ids) =>
      new Map(
        ids.flatMap((id) => {
          const head = heads.get(id);
          return head ? [[id, head] as const] : [];
        }),
      ),
    async getContents(refs) {
      return new Map(
        refs.flatMap((ref) => {
          const version = versions.get(ref.id)?.find((stored) => stored.version === ref.version);
          return version ? [[ref.id, contentOf(version)] as const] : [];
        }),
      );
    },
    async headBySlug(slug) {
      const id = slugs.get(slug);
      return id === undefined ? undefined : heads.get(id);
    },
    async listUnfinished() {
      return [...heads.values()].filter((head) => UNFINISHED_STAGES.includes(head.stage)).sort((a, b) => waitingSince(a) - waitingSince(b));
    },
    saveVersion,
    async listPublished(limit) {
      const published = [...heads.values()].filter((head) => head.status === 'published');
      published.sort((a, b) => `${b.publishedAt}#${b.id}`.localeCompare(`${a.publishedAt}#${a.id}`));
      return published.slice(0, limit).map(
        ({ id, slug, title, dek, section, tags, byline, publishedAt, updatedAt, language }): ArticleSummary => ({
          id,
          slug,
          title,
          dek,
          section,
          tags,
          byline,
          publishedAt,
          updatedAt,
          language,
        }),
      );
    },
    listVersions: async (id) => versions.get(id) ?? [],
    async transition(ref, event) {
      const head = heads.get(ref.id);
      const next = head?.version === ref.version ? applyEvent(head, event) : undefined;
      if (next) heads.set(ref.id, next);
      return next !== undefined;
    },
  };
}
