import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { ensureArticleTable } from '../../infra/local/provision';
import { createRelatedIndex } from '../../shared/adapters/related-index';
import type { RelatedParameters } from '../../shared/domain/related';
import { findRelated, publishRelated } from '../../shared/use-cases/related-articles';
import type { CorpusArticle } from './corpus';
import { corpusHead } from './simulate';
import { synthesiseArchive } from './synthesise';

/** An archive size not loaded because its projected load time exceeded the budget. */
export interface SkippedSize {
  readonly archive: number;
  readonly itemsToLoad: number;
  readonly projectedLoadSeconds: number;
}

/** Figures for one archive size. */
export interface ScalingRow {
  readonly archive: number;
  /** Seconds to synthesise and index the archive in memory. */
  readonly synthesiseSeconds: number;
  /** Seconds to bulk-load it into DynamoDB Local. */
  readonly loadSeconds: number;
  readonly itemsLoaded: number;
  /** Median milliseconds of candidate retrieval and ranking (`findRelated`) per publish. */
  readonly findMedianMs: number;
  readonly findP90Ms: number;
  /** Read requests per publish (Query, GetItem, BatchGetItem), the whole publish (find + index + neighbours). */
  readonly readRequests: number;
  /** Read capacity units consumed per publish, as DynamoDB Local reports them. */
  readonly readCapacity: number;
  /** Index records examined per publish (recency windows and listings). */
  readonly postingsRead: number;
}

const READS = new Set(['QueryCommand', 'GetCommand', 'BatchGetCommand', 'GetItemCommand', 'BatchGetItemCommand', 'ScanCommand']);

function capacityOf(output: unknown): number {
  const consumed = (output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce((sum: number, c: { CapacityUnits?: number }) => sum + (c.CapacityUnits ?? 0), 0);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? 0;

/**
 * Loads archives of each size (synthesised from the corpus) into fresh tables
 * of a DynamoDB Local started for the run (data in a temporary directory),
 * then publishes `probes` corpus articles against each and measures retrieval
 * and ranking time and the reads per publish. The probes are published through
 * the real adapter and use cases, with a store that accepts neighbour updates.
 */
export async function measureScaling(
  corpus: readonly CorpusArticle[],
  sizes: readonly number[],
  parameters: RelatedParameters,
  {
    probes = 30,
    loadBudgetSeconds = 300,
    log = (_: string) => {},
  }: { probes?: number; loadBudgetSeconds?: number; log?: (line: string) => void } = {},
): Promise<{ rows: ScalingRow[]; skipped: SkippedSize[] }> {
  const skipped: SkippedSize[] = [];
  let itemsPerSecond = Number.POSITIVE_INFINITY;
  const dataDir = await mkdtemp(join(tmpdir(), 'related-bench-'));
  const ddb = await startDynamoDbLocal({ dataDir, port: await freePort() });
  const rows: ScalingRow[] = [];
  try {
    const raw = new DynamoDBClient({ endpoint: ddb.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const client = DynamoDBDocumentClient.from(raw);
    let requests = 0;
    let capacity = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (READS.has(context.commandName ?? '')) {
          requests++;
          capacity += capacityOf(result.output);
        }
        return result;
      },
      { step: 'initialize', name: 'countReads' },
    );
    for (const size of sizes) {
      const tableName = `related-bench-${size}`;
      await ensureArticleTable(raw, tableName);
      const index = createRelatedIndex({ client, tableName });
      let started = performance.now();
      const documents = synthesiseArchive(corpus, size, parameters);
      const synthesiseSeconds = (performance.now() - started) / 1000;
      const itemsLoaded = documents.reduce((n, d) => n + 3 + new Set(d.listedUnder).size + (d.short ? 1 : 0), 0);
      const projectedLoadSeconds = itemsLoaded / itemsPerSecond;
      if (projectedLoadSeconds > loadBudgetSeconds) {
        log(
          `archive ${size}: skipped, ${itemsLoaded} items would take ~${Math.round(projectedLoadSeconds)} s at ${Math.round(itemsPerSecond)} items/s`,
        );
        skipped.push({ archive: size, itemsToLoad: itemsLoaded, projectedLoadSeconds });
        continue;
      }
      log(`archive ${size}: synthesised in ${synthesiseSeconds.toFixed(1)} s; loading ${itemsLoaded} items…`);
      started = performance.now();
      await index.importArticles(documents, { concurrency: 8 });
      const loadSeconds = (performance.now() - started) / 1000;
      itemsPerSecond = itemsLoaded / loadSeconds;
      log(`archive ${size}: loaded in ${loadSeconds.toFixed(1)} s`);

      const findMs: number[] = [];
      const reads: number[] = [];
      const units: number[] = [];
      const postingsRead: number[] = [];
      const store = { transition: async () => true };
      // The first probes warm the JIT and the connection pool; they are not counted.
      const warmup = 3;
      for (let p = 0; p < probes + warmup; p++) {
        const article = corpus[(p * 37) % corpus.length]!;
        const head = { ...corpusHead(article, size + p, article.section, Date.parse('2026-01-01T00:00:00Z')), id: `probe-${p}`, slug: `probe-${p}` };
        requests = 0;
        capacity = 0;
        let postingsSeen = 0;
        const counting = {
          recent: async (section: string, sectionLimit: number, archiveLimit: number) => {
            const found = await index.recent(section, sectionLimit, archiveLimit);
            postingsSeen += found.length;
            return found;
          },
          listed: async (terms: readonly string[], limit: number) => {
            const found = await index.listed(terms, limit);
            postingsSeen += found.length;
            return found;
          },
        };
        const t0 = performance.now();
        const plan = await findRelated(counting, head, parameters);
        const elapsed = performance.now() - t0;
        await publishRelated({ index, store }, { ...head, related: plan.links }, plan, parameters);
        const publishReads = requests;
        const publishCapacity = capacity;
        // Take the probe out again so every probe sees the same archive.
        await index.removeArticle(head.id);
        if (p < warmup) continue;
        findMs.push(elapsed);
        reads.push(publishReads);
        units.push(publishCapacity);
        postingsRead.push(postingsSeen);
      }
      rows.push({
        archive: size,
        synthesiseSeconds,
        loadSeconds,
        itemsLoaded,
        findMedianMs: median(findMs),
        findP90Ms: p90(findMs),
        readRequests: median(reads),
        readCapacity: median(units),
        postingsRead: median(postingsRead),
      });
    }
  } finally {
    await ddb.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  return { rows, skipped };
}
