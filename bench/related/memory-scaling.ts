import { chooseRelated, rankCandidates, type RelatedParameters } from '../../shared/domain/related';
import { findRelated, publishRelated } from '../../shared/use-cases/related-articles';
import type { CorpusArticle } from './corpus';
import { createMemoryRelatedIndex } from './memory-index';
import { countIndexRequests } from './request-count';
import { corpusHead } from './simulate';
import { synthesiseArchive } from './synthesise';

/** Figures for one archive size on the in-memory index. */
export interface MemoryScalingRow {
  readonly archive: number;
  /** Seconds to synthesise the archive and import it into the in-memory index. */
  readonly loadSeconds: number;
  /** Median and 90th percentile milliseconds of `findRelated` (candidate retrieval and ranking) per publish. */
  readonly findMedianMs: number;
  readonly findP90Ms: number;
  /** Median read requests of `findRelated` that the DynamoDB adapter would send (see `countIndexRequests`). */
  readonly findReads: number;
  /** Median read requests of the whole publish (find, index, neighbour lists), as the DynamoDB adapter would send them. */
  readonly publishReads: number;
  /** Median index records read per publish (recency windows and listings). */
  readonly postingsRead: number;
  /**
   * Share of the three best links an exhaustive ranking of the whole archive finds (the same query, ranking and
   * thresholds) that retrieval's candidates also yield: what the bounded reads miss of older matches.
   */
  readonly recallAt3: number;
  readonly probes: number;
}

const percentile = (xs: readonly number[], share: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * share)] ?? Number.NaN;

/**
 * Synthesises archives of each size, imports each into a fresh in-memory
 * index, then publishes `probes` corpus articles against it the way ingest
 * does (`findRelated`, then `publishRelated`), timing `findRelated` with
 * `performance.now()` and counting the reads the DynamoDB adapter would make.
 * Each probe is removed again so every probe sees the same archive; the first
 * three probes warm the JIT and are not counted.
 */
export async function measureMemoryScaling(
  corpus: readonly CorpusArticle[],
  sizes: readonly number[],
  parameters: RelatedParameters,
  { probes = 30, log = (_: string) => {} }: { probes?: number; log?: (line: string) => void } = {},
): Promise<MemoryScalingRow[]> {
  const rows: MemoryScalingRow[] = [];
  for (const size of sizes) {
    const started = performance.now();
    const memory = createMemoryRelatedIndex();
    const archive = synthesiseArchive(corpus, size, parameters);
    await memory.importArticles(archive);
    const everyRecord = archive.map((document) => document.article);
    let found = 0;
    let best = 0;
    const loadSeconds = (performance.now() - started) / 1000;
    log(`in-memory archive ${size}: synthesised and indexed in ${loadSeconds.toFixed(1)} s`);

    const { index, counts, reset } = countIndexRequests(memory);
    const store = { transition: async () => true };
    const findMs: number[] = [];
    const findReads: number[] = [];
    const publishReads: number[] = [];
    const postingsRead: number[] = [];
    const warmup = 3;
    for (let p = 0; p < probes + warmup; p++) {
      const article = corpus[(p * 37) % corpus.length]!;
      const head = { ...corpusHead(article, size + p, article.section, Date.parse('2026-01-01T00:00:00Z')), id: `probe-${p}`, slug: `probe-${p}` };
      reset();
      const t0 = performance.now();
      const plan = await findRelated(index, head, parameters);
      const elapsed = performance.now() - t0;
      const find = { reads: counts.reads, postings: counts.recordsRead };
      await publishRelated({ index, store }, { ...head, related: plan.links }, plan, parameters);
      const publish = counts.reads;
      await memory.removeArticle(head.id);
      if (p < warmup) continue;
      const exhaustive = chooseRelated(rankCandidates(head, plan.query, everyRecord, plan.averageLength, parameters), parameters).slice(0, 3);
      const retrieved = new Set(plan.scored.filter((link) => !link.fill).map((link) => link.id));
      best += exhaustive.length;
      found += exhaustive.filter((link) => retrieved.has(link.id)).length;
      findMs.push(elapsed);
      findReads.push(find.reads);
      publishReads.push(publish);
      postingsRead.push(find.postings);
    }
    rows.push({
      archive: size,
      loadSeconds,
      findMedianMs: percentile(findMs, 0.5),
      findP90Ms: percentile(findMs, 0.9),
      findReads: percentile(findReads, 0.5),
      publishReads: percentile(publishReads, 0.5),
      postingsRead: percentile(postingsRead, 0.5),
      recallAt3: best > 0 ? found / best : Number.NaN,
      probes,
    });
  }
  return rows;
}
