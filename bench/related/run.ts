import { DEFAULT_RELATED_PARAMETERS, type RelatedParameters } from '../../shared/domain/related';
import { DEFAULT_CORPUS_DIR, loadCorpus } from './corpus';
import { createMemoryRelatedIndex } from './memory-index';
import { measureScaling } from './scaling';
import { precisionAt, shuffled, simulatePublishing } from './simulate';

/** Options of {@link runRelatedBenchmark}. */
export interface RelatedBenchmarkOptions {
  /** The BBC News Summary sample. @default `../shared/corpus/bbc-news-summary` beside the checkout */
  readonly corpusDir?: string;
  /** Archive sizes of the scaling run; empty skips it. @default [1000, 10000, 100000] */
  readonly archiveSizes?: readonly number[];
  /** Publishes measured per archive size. @default 30 */
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
 * in-memory index with the adapter's semantics), and the scaling of reads and
 * time per publish against DynamoDB Local at each archive size.
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

  const sizes = options.archiveSizes ?? [1000, 10000, 100000];
  if (sizes.length > 0) {
    const { rows, skipped } = await measureScaling(corpus, sizes, parameters, {
      probes: options.probes ?? 30,
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
