import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The BBC News Summary sample beside the checkout (team material, CC0). */
export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/bbc-news-summary', import.meta.url));

/** One corpus article as a draft. */
export interface CorpusDraft {
  /** e.g. `business-001.md` */
  readonly name: string;
  readonly section: string;
  readonly title: string;
  readonly markdown: string;
  /** The human extractive summary, one sentence per line. */
  readonly summary: string;
}

const SECTION_NAMES: Record<string, string> = {
  business: 'Business',
  entertainment: 'Entertainment',
  politics: 'Politics',
  sport: 'Sport',
  tech: 'Tech',
};

/**
 * Converts the corpus to Markdown drafts: the first line is the headline, the
 * body's one-sentence lines are joined into paragraphs, and the section
 * folder becomes the section. Takeaways are left out so they are generated.
 */
export async function loadCorpusDrafts(dir = CORPUS_DIR): Promise<CorpusDraft[]> {
  const drafts: CorpusDraft[] = [];
  for (const folder of (await readdir(join(dir, 'article'))).sort()) {
    for (const file of (await readdir(join(dir, 'article', folder))).sort()) {
      const text = (await readFile(join(dir, 'article', folder, file), 'utf8')).replace(/\r\n/g, '\n');
      const [titleLine = '', ...rest] = text.split('\n');
      const title = titleLine.trim();
      const paragraphs = rest
        .join('\n')
        .split(/\n\s*\n/)
        .map((paragraph) =>
          paragraph
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .join(' '),
        )
        .filter(Boolean);
      const section = SECTION_NAMES[folder] ?? folder;
      const summary = await readFile(join(dir, 'summary', folder, file), 'utf8').catch(() => '');
      const markdown = [
        '---',
        `title: ${JSON.stringify(title)}`,
        `section: ${section}`,
        `tags: [${JSON.stringify(folder)}]`,
        'byline: BBC News',
        'language: en',
        '---',
        '',
        paragraphs.join('\n\n'),
        '',
      ].join('\n');
      drafts.push({ name: `${folder}-${file.replace(/\.txt$/, '')}.md`, section, title, markdown, summary });
    }
  }
  return drafts;
}
