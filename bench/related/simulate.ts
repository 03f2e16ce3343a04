import { STAGES, type HeadEvent } from '../../shared/domain/lifecycle';
import type { RelatedIndex } from '../../shared/ports/related-index';
import type { ArticleHeadWithContent, RelatedLink } from '../../shared/domain/article';
import { DEFAULT_RELATED_PARAMETERS, type RelatedParameters } from '../../shared/domain/related';
import { findRelated, publishRelated } from '../../shared/use-cases/related-articles';
import type { CorpusArticle } from './corpus';

const HOUR_MS = 3_600_000;

/** A corpus article as a published head (the fields related links read), published `order` hours after `epoch`. */
export function corpusHead(
  article: CorpusArticle,
  order: number,
  section: string,
  epoch = Date.parse('2025-01-01T00:00:00Z'),
): ArticleHeadWithContent {
  const at = new Date(epoch + order * HOUR_MS).toISOString();
  const slug = article.key.replace('/', '-');
  return {
    id: slug,
    slug,
    version: 1,
    status: 'published',
    stage: STAGES.render,
    title: article.title,
    section,
    tags: [],
    language: 'en',
    takeaways: [],
    takeawaysSource: 'extractive',
    breaking: false,
    body: article.body,
    related: [],
    publishedAt: at,
    updatedAt: at,
    draftKey: `drafts/${slug}.md`,
    sourceHash: slug,
    alertDue: false,
  };
}

/** A deterministic shuffle (mulberry32), so every run publishes in the same order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The outcome of publishing a corpus in order through the related-links use cases. */
export interface Simulation {
  /** Each article's related list after the whole corpus is published (neighbour updates included). */
  readonly finalLists: ReadonlyMap<string, readonly RelatedLink[]>;
  /** Each article's list as computed when it was published. */
  readonly initialLists: ReadonlyMap<string, readonly RelatedLink[]>;
  /** The true section of each article id. */
  readonly sections: ReadonlyMap<string, string>;
  /** Older pages updated by each publish. */
  readonly neighbourUpdates: readonly number[];
}

/**
 * Publishes `articles` one after another (an hour apart) through `findRelated`
 * and `publishRelated`, with a store that records the neighbour updates.
 * With `sectionsVisible: false` every article is filed under one section, so
 * only the text decides.
 */
export async function simulatePublishing(
  index: RelatedIndex,
  articles: readonly CorpusArticle[],
  { sectionsVisible = true, parameters = DEFAULT_RELATED_PARAMETERS }: { sectionsVisible?: boolean; parameters?: RelatedParameters } = {},
): Promise<Simulation> {
  const finalLists = new Map<string, readonly RelatedLink[]>();
  const initialLists = new Map<string, readonly RelatedLink[]>();
  const sections = new Map<string, string>();
  const neighbourUpdates: number[] = [];
  const store = {
    async transition(ref: { readonly id: string }, event: HeadEvent) {
      if (event.type === 'relatedChanged') finalLists.set(ref.id, event.related);
      return true;
    },
  };
  for (const [order, article] of articles.entries()) {
    const base = corpusHead(article, order, sectionsVisible ? article.section : 'News');
    sections.set(base.id, article.section);
    const plan = await findRelated(index, base, parameters);
    const head = { ...base, related: plan.links };
    initialLists.set(head.id, plan.links);
    finalLists.set(head.id, plan.links);
    const { neighbours } = await publishRelated({ index, store }, head, plan, parameters);
    neighbourUpdates.push(neighbours.length);
  }
  return { finalLists, initialLists, sections, neighbourUpdates };
}

/** Precision at k: the share of the first `k` links of each list that point to an article of the same section. */
export function precisionAt(k: number, lists: ReadonlyMap<string, readonly RelatedLink[]>, sections: ReadonlyMap<string, string>): number {
  let hits = 0;
  let total = 0;
  for (const [id, links] of lists) {
    for (const link of links.slice(0, k)) {
      total++;
      if (sections.get(link.slug) === sections.get(id)) hits++;
    }
  }
  return total === 0 ? 0 : hits / total;
}
