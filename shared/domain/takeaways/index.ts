import { cosineSimilarity, inverseDocumentFrequencies, markdownToPlainBlocks, splitSentences, tfIdfVector, tokenize, type TermVector } from '../text';
import { NO_DEADLINE, type Deadline } from '../deadline';
import { lexRank, similarityGraph, similarityOf, type SimilarityGraph } from './centrality';
import { quotedShare, sentenceProblem } from './sentence-checks';
import { truncateAtWord } from './truncate';

/** What the takeaway generator reads of an article. */
export interface TakeawayInput {
  readonly title: string;
  readonly dek?: string;
  /** Markdown. */
  readonly body: string;
  /** BCP 47 tag, e.g. `en`, `zh-CN`. */
  readonly language: string;
}

/** Bounds on the generated list. */
export interface TakeawayOptions {
  /** Fewest takeaways, when the body has that many usable sentences. @default 3 */
  readonly min?: number;
  /** Most takeaways. @default 5 */
  readonly max?: number;
  /** Longest takeaway in characters (UTF-16 code units). @default 220 */
  readonly maxChars?: number;
  /** Checked between steps; throws when the draft has taken too long. @default NO_DEADLINE */
  readonly deadline?: Deadline;
}

/**
 * At most this many sentences enter the similarity graph, so the cost is bounded whatever the
 * body's length: the first {@link LEAD_SENTENCES} (news puts its facts first) plus an evenly
 * spaced sample of the rest.
 */
export const MAX_GRAPH_SENTENCES = 200;
/** The leading sentences always in the graph. */
export const LEAD_SENTENCES = 150;
/** Only this much of a sentence is read (terms, checks): longer ones are cut for display anyway. */
export const MAX_SENTENCE_CHARS = 2_000;

/** The tuning of the ranking and selection (exported for the benchmark's ablations). */
export interface RankingParameters {
  /** Weights of the score components, each normalised to [0, 1]. */
  readonly centralityWeight: number;
  readonly leadWeight: number;
  readonly headlineWeight: number;
  /** Lead prior `1 / (1 + i / leadHalfLife)` for the i-th sentence (from 0). */
  readonly leadHalfLife: number;
  /** Score multiplier for a sentence that is mostly a quotation: reported speech is weaker as a fact. */
  readonly quotePenalty: number;
  /** MMR trade-off between relevance (1) and novelty (0). */
  readonly mmrLambda: number;
  /** Cosine similarity at or above which two sentences say the same thing. */
  readonly redundantSimilarity: number;
  /** Cosine similarity to the dek at or above which a sentence only restates it. */
  readonly dekRepeatSimilarity: number;
  /** One takeaway per this many sentences of body, within [min, max]. */
  readonly sentencesPerTakeaway: number;
}

/**
 * The default tuning. Centrality leads; the lead prior (halved by the 5th sentence, quartered by
 * the 13th) keeps a quarter of the score because news is written top-down, although the BBC
 * sample alone would favour centrality even more (see `bench/takeaways/quality.ts`).
 */
export const DEFAULT_RANKING: RankingParameters = {
  centralityWeight: 0.6,
  leadWeight: 0.25,
  headlineWeight: 0.15,
  leadHalfLife: 4,
  quotePenalty: 0.8,
  mmrLambda: 0.7,
  redundantSimilarity: 0.4,
  dekRepeatSimilarity: 0.7,
  sentencesPerTakeaway: 5,
};

interface Sentence {
  readonly order: number;
  readonly text: string;
  readonly vector: TermVector;
  /** Whether it may be chosen at all (not a heading, question, fragment…). */
  readonly usable: boolean;
  readonly tooLong: boolean;
  readonly score: number;
}

/**
 * Generates the Key Takeaways of an article whose editor wrote none: extractive, so each
 * takeaway is one sentence of the body, verbatim (Markdown removed, whitespace collapsed),
 * listed in article order.
 *
 * Sentences are ranked by a mix of LexRank centrality (TF-IDF cosine graph, PageRank with
 * damping 0.85; IDF from the article's own sentences), a lead prior (news puts the facts first)
 * and similarity to the headline and dek; then chosen by maximal marginal relevance so no two
 * say the same thing, and none repeats the dek. Questions, quotation fragments, short sound
 * bites, sentences under 6 words (12 letters in Chinese, Japanese, Thai) and sentences over
 * `maxChars` are skipped; a long sentence is used, cut at a word with `…`, only when fewer than
 * `min` others remain (the only case where a takeaway is not verbatim). The count is one per five body sentences, within `min`..`max` (fewer when
 * the body has fewer usable sentences; none for an empty body).
 *
 * Only {@link MAX_GRAPH_SENTENCES} sentences (the lead and a sample of the rest) are ranked, on a
 * sparse similarity graph, so time and memory are linear in the body whatever its length.
 * Pure and deterministic; about 3 ms of CPU for a 40-sentence article (see the benchmark).
 */
export function generateTakeaways(input: TakeawayInput, options: TakeawayOptions = {}, ranking: RankingParameters = DEFAULT_RANKING): string[] {
  const min = options.min ?? 3;
  const max = Math.max(options.max ?? 5, min);
  const maxChars = options.maxChars ?? 220;
  const { language } = input;

  const deadline = options.deadline ?? NO_DEADLINE;

  const all: { text: string; chooseable: boolean }[] = [];
  for (const block of markdownToPlainBlocks(input.body)) {
    const chooseable = block.kind === 'paragraph' || block.kind === 'list-item';
    for (const text of splitSentences(block.text, language)) all.push({ text, chooseable });
  }
  if (all.length === 0) return [];
  deadline.check('takeaways (sentences)');
  // A sentence longer than MAX_SENTENCE_CHARS can only be used cut to maxChars, so its head is all that is read.
  const raw = graphSentences(all.length).map((i) => ({ ...all[i]!, text: all[i]!.text.slice(0, MAX_SENTENCE_CHARS) }));

  const terms = raw.map((s) => tokenize(s.text, language));
  const idf = inverseDocumentFrequencies(terms);
  const vectors = terms.map((t) => tfIdfVector(t, idf));
  const sim = similarityGraph(vectors);
  deadline.check('takeaways (similarity graph)');
  const centrality = normalise(lexRank(sim));
  let maxIdf = 0;
  for (const value of idf.values()) maxIdf = Math.max(maxIdf, value);
  const headline = tfIdfVector(tokenize(input.title, language), idf, maxIdf);
  const dek = input.dek ? tfIdfVector(tokenize(input.dek, language), idf, maxIdf) : undefined;
  const headlineSimilarity = normalise(vectors.map((v) => Math.max(cosineSimilarity(v, headline), dek ? cosineSimilarity(v, dek) : 0)));

  const sentences: Sentence[] = raw.map((s, i) => {
    // Headings and block quotes inform centrality but are never chosen.
    const problem = s.chooseable ? sentenceProblem(s.text, language, maxChars) : 'not-prose';
    const relevance =
      ranking.centralityWeight * centrality[i]! +
      ranking.leadWeight / (1 + i / ranking.leadHalfLife) +
      ranking.headlineWeight * headlineSimilarity[i]!;
    return {
      order: i,
      text: s.text,
      vector: vectors[i]!,
      usable: problem === undefined || problem === 'too-long',
      tooLong: problem === 'too-long',
      score: quotedShare(s.text) > 0.5 ? relevance * ranking.quotePenalty : relevance,
    };
  });

  const count = Math.min(max, Math.max(min, Math.ceil(all.length / ranking.sentencesPerTakeaway)));
  const fresh = sentences.filter((s) => s.usable && !(dek && cosineSimilarity(s.vector, dek) >= ranking.dekRepeatSimilarity));
  let chosen = selectByMmr(
    fresh.filter((s) => !s.tooLong),
    count,
    [],
    sim,
    ranking,
  );
  if (chosen.length < min) {
    const longOnes = fresh.filter((s) => s.tooLong);
    chosen = chosen.concat(selectByMmr(longOnes, min - chosen.length, chosen, sim, ranking));
  }
  return chosen.sort((a, b) => a.order - b.order).map((s) => (s.tooLong ? truncateAtWord(s.text, maxChars, language) : s.text));
}

/**
 * Greedy maximal marginal relevance: repeatedly takes the sentence with the best
 * `λ·score − (1−λ)·(similarity to what is taken)`, never one that repeats something taken now or
 * in `alreadyTaken`. Ties go to the earlier sentence.
 */
function selectByMmr(
  pool: readonly Sentence[],
  count: number,
  alreadyTaken: readonly Sentence[],
  sim: SimilarityGraph,
  ranking: RankingParameters,
): Sentence[] {
  const taken: Sentence[] = [];
  const remaining = [...pool];
  while (taken.length < count && remaining.length > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (let k = 0; k < remaining.length; k++) {
      const candidate = remaining[k]!;
      let redundancy = 0;
      for (const t of alreadyTaken) redundancy = Math.max(redundancy, similarityOf(sim, candidate.order, t.order));
      for (const t of taken) redundancy = Math.max(redundancy, similarityOf(sim, candidate.order, t.order));
      if (redundancy >= ranking.redundantSimilarity) continue;
      const value = ranking.mmrLambda * candidate.score - (1 - ranking.mmrLambda) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = k;
      }
    }
    if (best < 0) break;
    taken.push(remaining.splice(best, 1)[0]!);
  }
  return taken;
}

/** Indices of the sentences that enter the graph, in order: the lead, then an even sample of the rest. */
function graphSentences(count: number): number[] {
  const lead = Math.min(count, LEAD_SENTENCES);
  const chosen = Array.from({ length: lead }, (_, i) => i);
  const rest = count - lead;
  const sample = Math.min(rest, MAX_GRAPH_SENTENCES - lead);
  for (let k = 0; k < sample; k++) chosen.push(lead + Math.floor((k * rest) / sample));
  return chosen;
}

function normalise(values: readonly number[]): number[] {
  let top = 0;
  for (const value of values) top = Math.max(top, value);
  return top > 0 ? values.map((v) => v / top) : values.map(() => 0);
}
