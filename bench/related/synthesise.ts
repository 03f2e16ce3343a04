import type { IndexedDocument } from '../../shared/ports/related-index';
import {
  articleTerms,
  heaviestQueryTerms,
  heaviestTerms,
  termQuery,
  type ArticleTerms,
  type RelatedParameters,
  type TermSource,
} from '../../shared/domain/related';
import type { CorpusArticle } from './corpus';
import { shuffled } from './simulate';

const HOUR_MS = 3_600_000;

/**
 * `articleTerms` of a title plus body sentences, built from bags computed once
 * per distinct title and sentence: tokenizing (and Markdown-parsing) every
 * synthetic body made 100,000 articles take most of a minute. Merging in
 * reading order keeps the first-seen order `heaviestTerms` breaks ties by;
 * the unit test checks the result equals `articleTerms` of the joined body.
 */
export function createTermCache(language = 'en'): (title: string, sentences: readonly string[]) => ArticleTerms {
  const bags = new Map<string, ArticleTerms>();
  const bag = (key: string, source: TermSource) => {
    const found = bags.get(key) ?? articleTerms(source);
    bags.set(key, found);
    return found;
  };
  return (title, sentences) => {
    const frequencies = new Map<string, number>();
    let length = 0;
    const parts = [bag(`T${title}`, { title, tags: [], body: '', language })];
    for (const sentence of sentences) parts.push(bag(`S${sentence}`, { title: '', tags: [], body: sentence, language }));
    for (const part of parts) {
      for (const [term, weight] of part.frequencies) frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
      length += part.length;
    }
    return { frequencies, length };
  };
}

/**
 * `count` synthetic archive articles made from the corpus: article `i` takes
 * corpus article `i mod n`, keeps a seeded two thirds of its sentences and
 * adds two sentences of another article of the same section, so the archive
 * has realistic vocabulary and many near-duplicates (a hard case for a
 * postings list: popular terms get very long lists). Published an hour
 * apart, ending at `end`. Indexed with the same domain code as a publish,
 * document frequencies taken over the synthetic archive itself.
 */
export function synthesiseArchive(
  corpus: readonly CorpusArticle[],
  count: number,
  parameters: RelatedParameters,
  end = Date.parse('2026-01-01T00:00:00Z'),
): IndexedDocument[] {
  const bySection = new Map<string, CorpusArticle[]>();
  for (const a of corpus) bySection.set(a.section, [...(bySection.get(a.section) ?? []), a]);
  const drafts: { id: string; base: CorpusArticle; terms: ArticleTerms; vocabulary: string[]; publishedAt: string }[] = [];
  const frequencies = new Map<string, number>();
  const termsOf = createTermCache();
  let totalLength = 0;
  for (let i = 0; i < count; i++) {
    const base = corpus[i % corpus.length]!;
    const peers = bySection.get(base.section)!;
    const peer = peers[(i * 7 + 3) % peers.length]!;
    const kept = shuffled(base.sentences, i + 1).slice(0, Math.max(3, Math.ceil((base.sentences.length * 2) / 3)));
    const terms = termsOf(base.title, [...kept, ...shuffled(peer.sentences, i + 7).slice(0, 2)]);
    const vocabulary = heaviestTerms(terms, parameters.vocabularySize);
    for (const term of vocabulary) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    totalLength += terms.length;
    const id = `syn-${String(i).padStart(6, '0')}`;
    drafts.push({ id, base, terms, vocabulary, publishedAt: new Date(end - (count - i) * HOUR_MS).toISOString() });
  }
  const stats = { documents: count - 1, totalLength, documentFrequencies: frequencies };
  return drafts.map(({ id, base, terms, vocabulary, publishedAt }) => {
    const query = termQuery(terms, vocabulary, stats, parameters);
    return {
      article: {
        id,
        slug: id,
        title: base.title,
        section: base.section,
        tags: [],
        language: 'en',
        publishedAt,
        status: 'published',
        length: terms.length,
        query: query.weights,
        frequencies: new Map([...query.weights.keys()].map((term) => [term, terms.frequencies.get(term) ?? 0])),
        selfScore: query.selfScore,
      },
      version: 1,
      listedUnder: heaviestQueryTerms(query.weights, parameters.listedTerms),
      related: [],
      short: false,
    } satisfies IndexedDocument;
  });
}
