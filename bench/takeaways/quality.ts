/**
 * Takeaway quality on the BBC News Summary sample: for the generator and the first-three-sentences
 * baseline, the share of chosen sentences in the human summary, ROUGE-1 and ROUGE-2 F1, and time.
 *
 * Run from the checkout: `npx tsx bench/takeaways/quality.ts [corpus-dir]`, or call {@link runTakeawayBenchmark}.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_RANKING, generateTakeaways, type RankingParameters, type TakeawayOptions } from '../../shared/domain/takeaways';
import { normaliseWhitespace, rougeF1, summaryHitRate } from './metrics';

interface CorpusArticle {
  readonly id: string;
  readonly title: string;
  /** Paragraphs separated by blank lines, one sentence per line. */
  readonly body: string;
  readonly summary: string;
}

/** The BBC News Summary sample beside the checkout. */
export const DEFAULT_TAKEAWAY_CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/bbc-news-summary', import.meta.url));

function loadCorpus(dir: string): CorpusArticle[] {
  const articles: CorpusArticle[] = [];
  for (const section of readdirSync(join(dir, 'article')).sort()) {
    for (const file of readdirSync(join(dir, 'article', section)).sort()) {
      const text = readFileSync(join(dir, 'article', section, file), 'utf8').replace(/\r\n/g, '\n');
      const [title = '', ...rest] = text.split('\n');
      articles.push({
        id: `${section}/${file}`,
        title: title.trim(),
        body: rest.join('\n').trim(),
        summary: readFileSync(join(dir, 'summary', section, file), 'utf8'),
      });
    }
  }
  return articles;
}

interface Scores {
  hit: number;
  rouge1: number;
  rouge2: number;
  sentences: number;
}

function score(chosen: readonly string[], summary: string): Scores {
  const text = chosen.join(' ');
  return {
    hit: summaryHitRate(chosen, summary),
    rouge1: rougeF1(text, summary, 1),
    rouge2: rougeF1(text, summary, 2),
    sentences: chosen.length,
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

function firstThree(article: CorpusArticle): string[] {
  return article.body
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 3);
}

/**
 * The takeaway benchmark of issue 4, as text: quality against the human
 * summaries for the generator and the first-three-sentences baseline, and
 * generation time per article.
 */
export async function runTakeawayBenchmark({ corpusDir = DEFAULT_TAKEAWAY_CORPUS_DIR }: { corpusDir?: string } = {}): Promise<string> {
  const out: string[] = [];
  const articles = loadCorpus(corpusDir);
  const generate =
    (options: TakeawayOptions, ranking: Partial<RankingParameters> = {}) =>
    (a: CorpusArticle): string[] =>
      generateTakeaways({ title: a.title, body: a.body, language: 'en' }, options, { ...DEFAULT_RANKING, ...ranking });
  const three = { min: 3, max: 3 };

  const methods: [name: string, run: (a: CorpusArticle) => string[]][] = [
    ['first three sentences (baseline)', firstThree],
    ['generateTakeaways (defaults: 3..5, 220 chars)', generate({})],
    ['generateTakeaways, exactly 3', generate(three)],
    ['generateTakeaways, 3..5, no length cap', generate({ maxChars: Number.POSITIVE_INFINITY })],
    ['ablation, exactly 3: centrality only', generate(three, { leadWeight: 0, headlineWeight: 0 })],
    ['ablation, exactly 3: lead prior only', generate(three, { centralityWeight: 0, headlineWeight: 0 })],
    ['ablation, exactly 3: headline only', generate(three, { centralityWeight: 0, leadWeight: 0 })],
  ];

  for (const a of articles) generate({})(a); // warm up the JIT and the segmenters

  const rows = methods.map(([name, run]) => {
    const scores = articles.map((a) => score(run(a), a.summary));
    return {
      method: name,
      'in summary': mean(scores.map((s) => s.hit)).toFixed(3),
      'ROUGE-1 F1': mean(scores.map((s) => s.rouge1)).toFixed(3),
      'ROUGE-2 F1': mean(scores.map((s) => s.rouge2)).toFixed(3),
      'sentences/article': mean(scores.map((s) => s.sentences)).toFixed(2),
    };
  });
  out.push(`BBC News Summary sample: ${articles.length} articles from ${corpusDir}\n`, formatTable(rows));

  /** Wall-clock and CPU milliseconds per call (CPU time is steadier on a busy machine). */
  function timeMs(article: CorpusArticle, repeats: number): { wall: number; cpu: number } {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (let i = 0; i < repeats; i++) generate({})(article);
    const cpu = process.cpuUsage(cpuStart);
    return { wall: Number(process.hrtime.bigint() - start) / 1e6 / repeats, cpu: (cpu.user + cpu.system) / 1e3 / repeats };
  }

  const timing = (measure: string, times: readonly { wall: number; cpu: number }[]) => ({
    measure,
    'wall ms': mean(times.map((t) => t.wall)).toFixed(3),
    'CPU ms': mean(times.map((t) => t.cpu)).toFixed(3),
  });

  const sentenceCount = (a: CorpusArticle): number => a.body.split('\n').filter((l) => l.trim()).length;
  const longest = articles.reduce((a, b) => (b.body.length > a.body.length ? b : a));
  const near40 = articles.reduce((a, b) => (Math.abs(sentenceCount(b) - 40) < Math.abs(sentenceCount(a) - 40) ? b : a));
  out.push(
    formatTable([
      timing(
        'mean per article',
        articles.map((a) => timeMs(a, 5)),
      ),
      timing(`article nearest 40 sentences (${near40.id}, ${sentenceCount(near40)})`, [timeMs(near40, 50)]),
      timing(`longest article (${longest.id}, ${sentenceCount(longest)} sentences)`, [timeMs(longest, 50)]),
    ]),
  );

  const summarySentences = articles.flatMap((a) => a.summary.split('\n').map(normaliseWhitespace).filter(Boolean));
  const overCap = summarySentences.filter((s) => s.length > 220).length;
  const truncated = articles.flatMap(generate({})).filter((s) => s.endsWith('…')).length;
  out.push(
    `\nSummary sentences over 220 chars: ${overCap} of ${summarySentences.length}` +
      ` (${((100 * overCap) / summarySentences.length).toFixed(1)}%); truncated takeaways with defaults: ${truncated}.`,
  );
  return out.join('\n');
}

/** Rows of equal keys as a Markdown table. */
function formatTable(rows: readonly Record<string, string>[]): string {
  const headers = Object.keys(rows[0] ?? {});
  const cells = [headers, ...rows.map((row) => headers.map((h) => row[h] ?? ''))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runTakeawayBenchmark({ corpusDir: process.argv[2] }));
}
