import { DEFAULT_RELATED_PARAMETERS, type RelatedParameters } from '../../shared/domain/related';
import { DEFAULT_CORPUS_DIR, loadCorpus } from './corpus';
import { createMemoryRelatedIndex } from './memory-index';
import { measureMemoryScaling } from './memory-scaling';
import { measureScaling } from './scaling';
import { precisionAt, shuffled, simulatePublishing } from './simulate';

/** Options of {@link runRelatedBenchmark}. */
export interface RelatedBenchmarkOptions {
  /** The BBC News Summary sample. @default `../shared/corpus/bbc-news-summary` beside the checkout */
  readonly corpusDir?: string;
  /** Archive sizes of the in-memory scaling run; empty skips it. @default [1000, 10000, 100000] */
  readonly archiveSizes?: readonly number[];
  /**
   * Archive sizes loaded into DynamoDB Local (about 300 items/s on a laptop:
   * 1,000 articles take ~100 s, 10,000 ~17 min); empty skips it. @default [1000]
   */
  readonly dynamoDbLocalSizes?: readonly number[];
  /** Publishes measured per archive size, in both scaling runs. @default 30 */
  readonly probes?: number;
  readonly parameters?: RelatedParameters;
  /** Sizes whose projected DynamoDB Local load time exceeds this are skipped and reported. @default 300 */
  readonly loadBudgetSeconds?: number;
  /** Progress lines (loading takes minutes). @default none */
  readonly log?: (line: string) => void;
}

const table = (headers: string[], rows: (string | number)[][]): string => {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
};

/**
 * The related-links benchmark of issue 4, as text: precision at 3 on the BBC
 * sample (publish-order simulation through `findRelated`/`publishRelated` on an
 * in-memory index with the adapter's semantics), then the scaling of reads and
 * time per publish: first on the in-memory index at every archive size (the
 * same `findRelated` code path, reads counted as the DynamoDB adapter would
 * send them), then against DynamoDB Local at the sizes it can load in time.
 */
export async function runRelatedBenchmark(options: RelatedBenchmarkOptions = {}): Promise<string> {
  const parameters = options.parameters ?? DEFAULT_RELATED_PARAMETERS;
  const corpus = await loadCorpus(options.corpusDir ?? DEFAULT_CORPUS_DIR);
  const out: string[] = [`## Related links\n\nCorpus: ${corpus.length} BBC articles in ${new Set(corpus.map((a) => a.section)).size} sections.`];

  const qualityRows: (string | number)[][] = [];
  for (const seed of [1, 2, 3]) {
    const order = shuffled(corpus, seed);
    for (const sectionsVisible of [true, false]) {
      options.log?.(`precision: order ${seed}, ${sectionsVisible ? 'sections' : 'text only'}`);
      const sim = await simulatePublishing(createMemoryRelatedIndex(), order, { sectionsVisible, parameters });
      const counts = [...sim.finalLists.values()].map((l) => l.length);
      qualityRows.push([
        seed,
        sectionsVisible ? 'sections as filed' : 'one section for all (text only)',
        precisionAt(3, sim.finalLists, sim.sections).toFixed(3),
        precisionAt(3, sim.initialLists, sim.sections).toFixed(3),
        (counts.reduce((a, b) => a + b, 0) / counts.length).toFixed(2),
        counts.filter((c) => c < 3).length,
        (sim.neighbourUpdates.reduce((a, b) => a + b, 0) / sim.neighbourUpdates.length).toFixed(2),
        Math.max(...sim.neighbourUpdates),
      ]);
    }
  }
  out.push(
    '\n### Precision at 3 (share of the first three links in the same section; goal ≥ 0.9)\n',
    table(
      ['order seed', 'sections', 'P@3 final', 'P@3 at publish', 'links/article', 'articles < 3 links', 'pages updated/publish', 'max updated'],
      qualityRows,
    ),
    '\n"final" is each list after the whole corpus is published (neighbour updates included); "at publish" is the list computed when the article was published (early articles have few candidates).',
  );

  const probes = options.probes ?? 30;
  const memorySizes = options.archiveSizes ?? [1000, 10000, 100000];
  if (memorySizes.length > 0) {
    const rows = await measureMemoryScaling(corpus, memorySizes, parameters, { probes, log: options.log });
    const first = rows[0]!;
    out.push(
      `\n### Scaling per publish (in-memory index, synthesised archives, ${probes} probe publishes each)\n`,
      table(
        [
          'archive',
          'load s',
          'find+rank median ms',
          'p90 ms',
          'median x of smallest',
          'p90 x of smallest',
          'find reads',
          'publish reads',
          'postings read',
        ],
        rows.map((r) => [
          r.archive,
          r.loadSeconds.toFixed(1),
          r.findMedianMs.toFixed(2),
          r.findP90Ms.toFixed(2),
          (r.findMedianMs / first.findMedianMs).toFixed(2),
          (r.findP90Ms / first.findP90Ms).toFixed(2),
          r.findReads,
          r.publishReads,
          r.postingsRead,
        ]),
      ),
      `\nThe same \`findRelated\` that ingest calls, on an in-memory \`RelatedIndex\` with the DynamoDB adapter's semantics (postings newest first by \`publishedAt#id\`, at most ${parameters.postingsPerTerm} per term, kept sorted so a read costs O(limit)). "load s" is synthesis plus indexing. Reads are the requests the DynamoDB adapter would send for the same calls: find = ⌈(1 + vocabulary terms) / 100⌉ BatchGetItem (totals and document frequencies) + 1 Query per query term; publish adds 1 GetItem (index record) and ⌈neighbour candidates / 100⌉ BatchGetItem. Medians over the probes. Time excludes network latency, which DynamoDB adds per request (the Queries run in parallel). Goal: reads constant; time at the largest ≤ 3× the smallest.`,
    );
  }

  const sizes = options.dynamoDbLocalSizes ?? [1000];
  if (sizes.length > 0) {
    const { rows, skipped } = await measureScaling(corpus, sizes, parameters, {
      probes,
      loadBudgetSeconds: options.loadBudgetSeconds,
      log: options.log,
    });
    const first = rows[0] ?? { findMedianMs: Number.NaN };
    out.push(
      '\n### Scaling per publish (DynamoDB Local, synthesised archives)\n',
      table(
        ['archive', 'items loaded', 'load s', 'find+rank median ms', 'p90 ms', 'x of smallest', 'read requests', 'RCU', 'postings read'],
        rows.map((r) => [
          r.archive,
          r.itemsLoaded,
          r.loadSeconds.toFixed(1),
          r.findMedianMs.toFixed(1),
          r.findP90Ms.toFixed(1),
          (r.findMedianMs / first.findMedianMs).toFixed(2),
          r.readRequests,
          r.readCapacity.toFixed(1),
          r.postingsRead,
        ]),
      ),
      ...skipped.map(
        (s) =>
          `\nArchive ${s.archive}: not loaded: ${s.itemsToLoad} items would take ~${Math.round(s.projectedLoadSeconds / 60)} min at the load rate DynamoDB Local reached on this machine (budget ${options.loadBudgetSeconds ?? 300} s).`,
      ),
      `\nRead requests per publish = 1 BatchGetItem (totals + ${parameters.vocabularySize} document frequencies) + ${parameters.indexedTerms} Queries (≤ ${parameters.postingsPerTerm} postings each) + 1 GetItem (index record) + 1 BatchGetItem (≤ ${parameters.neighbourCandidates} neighbour records): bounded by the parameters, not the archive. Goal: time at the largest ≤ 3× the smallest.`,
    );
  }
  return out.join('\n');
}
