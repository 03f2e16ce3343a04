import { DEFAULT_RELATED_PARAMETERS, type RelatedParameters } from '../../shared/domain/related';
import { DEFAULT_CORPUS_DIR, loadCorpus } from './corpus';
import { measureBulkPublish, type RenderedRelated } from './bulk-publish';
import { createMemoryRelatedIndex } from './memory-index';
import { measureMemoryScaling } from './memory-scaling';
import { countIndexRequests } from './request-count';
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
  /** Publish the 100 corpus drafts at once through a fresh local stack and measure the rendered pages. @default true */
  readonly bulkPublish?: boolean;
  /** Progress lines (loading takes minutes). @default none */
  readonly log?: (line: string) => void;
}

/**
 * The index before issue 14, per publish: one transaction of the article's
 * record, a posting per indexed term, a document-frequency counter per
 * vocabulary term and the archive totals; reads: one BatchGetItem (totals and
 * frequencies) and a Query per indexed term. Computed from its parameters
 * (vocabulary 64, indexed terms 30), for the side-by-side columns.
 */
const PREVIOUS_DESIGN = { itemsWrittenPerPublish: 1 + 30 + 64 + 1, itemsPerImportedArticle: 1 + 30, findReads: 1 + 30 };

const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(0)}%`);
const renderedRow = (label: string, r: RenderedRelated) => [
  label,
  `${r.withThree}/${r.eligible} (${pct(r.withThree, r.eligible)})`,
  r.empty,
  r.filled,
  r.meanLinks.toFixed(2),
  r.precisionAt3.toFixed(3),
  r.textPrecisionAt3.toFixed(3),
];

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
      const { index, counts } = countIndexRequests(createMemoryRelatedIndex());
      const sim = await simulatePublishing(index, order, { sectionsVisible, parameters });
      const counted = [...sim.finalLists.values()].map((l) => l.length);
      const textLists = new Map([...sim.finalLists].map(([id, links]) => [id, links.filter((link) => !link.fill)]));
      qualityRows.push([
        seed,
        sectionsVisible ? 'sections as filed' : 'one section for all (text only)',
        precisionAt(3, sim.finalLists, sim.sections).toFixed(3),
        precisionAt(3, textLists, sim.sections).toFixed(3),
        precisionAt(3, sim.initialLists, sim.sections).toFixed(3),
        (counted.reduce((a, b) => a + b, 0) / counted.length).toFixed(2),
        counted.filter((c) => c < 3).length,
        [...textLists.values()].filter((l) => l.length < 3).length,
        (counts.indexItemsWritten / order.length).toFixed(2),
        (counts.relatedItemsWritten / order.length).toFixed(2),
        (counts.reads / order.length).toFixed(1),
        (sim.neighbourUpdates.reduce((a, b) => a + b, 0) / sim.neighbourUpdates.length).toFixed(2),
        Math.max(...sim.neighbourUpdates),
      ]);
    }
  }
  out.push(
    '\n### Precision at 3 and cost per publish (share of the first three links in the same section; goal ≥ 0.9)\n',
    table(
      [
        'order seed',
        'sections',
        'P@3 final',
        'P@3 close matches only',
        'P@3 at publish',
        'links/article',
        'articles < 3 links',
        '< 3 close matches',
        'index items written/publish',
        'list items written/publish',
        'index reads/publish',
        'pages updated/publish',
        'max updated',
      ],
      qualityRows,
    ),
    `\n"final" is each list after the whole corpus is published (neighbour updates and short-list refreshes included); "close matches only" leaves out the fill links ("More in <section>"); "at publish" is the list computed when the article was published. Index items written: the record, two recency entries, ${parameters.listedTerms} listings and a short-list marker when short (previous design: ${PREVIOUS_DESIGN.itemsWrittenPerPublish} in one transaction, ${PREVIOUS_DESIGN.itemsPerImportedArticle} per imported article). List items: record update + marker per neighbour list changed (plus the article-head write the store makes).`,
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
          'records read',
          'recall of the exhaustive top 3',
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
          r.recallAt3.toFixed(3),
        ]),
      ),
      `\nThe same \`findRelated\` that ingest calls, on an in-memory \`RelatedIndex\` with the DynamoDB adapter's semantics (entries newest first by \`publishedAt#id\`, kept sorted so a read costs O(limit)). "load s" is synthesis plus indexing. Reads are the requests the DynamoDB adapter would send for the same calls: find = 2 Queries (newest ${parameters.sectionWindow} of the section, ${parameters.archiveWindow} of the archive) + 1 Query per listing term read (${parameters.queryListedTerms}, ≤ ${parameters.postingsPerTerm} records each) — previous design: ${PREVIOUS_DESIGN.findReads}; publish adds 1 GetItem (index record), ⌈neighbour candidates / 100⌉ BatchGetItem, 1 Query (short lists of the section) and 1 GetItem per list changed. Medians over the probes. Recall: of the three best links a ranking of the whole archive finds for a probe, the share its retrieval finds too (older matches the bounded reads miss). Time excludes network latency, which DynamoDB adds per request (the Queries run in parallel). Goal: reads constant; time at the largest ≤ 3× the smallest.`,
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
        ['archive', 'items loaded', 'load s', 'find+rank median ms', 'p90 ms', 'x of smallest', 'read requests', 'RCU', 'records read'],
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
      `\nRead requests per publish = 2 Queries (recency lists) + ${parameters.queryListedTerms} Queries (≤ ${parameters.postingsPerTerm} records each) + 1 GetItem (index record) + 1 BatchGetItem (≤ ${parameters.neighbourCandidates} neighbour records) + 1 Query (short lists) + 1 GetItem per list changed: bounded by the parameters, not the archive. Goal: time at the largest ≤ 3× the smallest.`,
    );
  }
  if (options.bulkPublish ?? true) {
    const bulk = await measureBulkPublish({ log: options.log });
    out.push(
      `\n### Related links on every page: ${bulk.drafts} corpus drafts dropped at once into a fresh local stack (real path)\n`,
      `${bulk.live} pages live and the pipeline settled in ${bulk.seconds.toFixed(1)} s; then one settle pass: ${bulk.settle.examined} short lists examined, ${bulk.settle.refreshed} refreshed.\n`,
      table(
        [
          'rendered pages',
          'eligible with ≥ 3 links (goal 100%)',
          '"No related articles"',
          'with "More in …"',
          'links/page',
          'P@3 as rendered',
          'P@3 close matches',
        ],
        [renderedRow('after the burst settled', bulk.afterBurst), renderedRow('after the settle pass', bulk.afterSettle)],
      ),
      "\nEligible: the page's section holds at least 3 other live articles. Read from the rendered pages through the local CDN. Before issue 14: 60/100 pages with fewer than 3 links, P@3 0.86.",
    );
  }
  return out.join('\n');
}
