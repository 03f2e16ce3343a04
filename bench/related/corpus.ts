import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The BBC News Summary sample beside the checkout. */
export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/bbc-news-summary', import.meta.url));

/** One corpus article: headline, section (its folder) and body paragraphs. */
export interface CorpusArticle {
  /** e.g. `business/001` */
  readonly key: string;
  readonly section: string;
  readonly title: string;
  /** Markdown: paragraphs separated by blank lines. */
  readonly body: string;
  /** The body's sentences, in order. */
  readonly sentences: readonly string[];
}

/** Loads the corpus, sections and files in name order. */
export async function loadCorpus(dir = DEFAULT_CORPUS_DIR): Promise<CorpusArticle[]> {
  const out: CorpusArticle[] = [];
  for (const section of (await readdir(join(dir, 'article'))).sort()) {
    for (const file of (await readdir(join(dir, 'article', section))).sort()) {
      const text = (await readFile(join(dir, 'article', section, file), 'utf8')).replace(/\r\n/g, '\n');
      const [title = '', ...rest] = text.split('\n');
      const paragraphs = rest
        .join('\n')
        .split(/\n\s*\n/)
        .map((p) =>
          p
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        )
        .filter((p) => p.length > 0);
      out.push({
        key: `${section}/${file.replace(/\.txt$/, '')}`,
        section: section[0]!.toUpperCase() + section.slice(1),
        title: title.trim(),
        body: paragraphs.map((p) => p.join(' ')).join('\n\n'),
        sentences: paragraphs.flat(),
      });
    }
  }
  return out;
}
