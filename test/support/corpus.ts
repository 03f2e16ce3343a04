import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR } from '../../bench/corpus/corpus-drafts';

/**
 * The articles folder of the team's BBC News Summary sample (CC0), beside the
 * checkout, or undefined where a clone has no team folder beside it.
 */
export const CORPUS_ARTICLES: string | undefined = [path.join(CORPUS_DIR, 'article')].find((dir) => existsSync(dir));

/** Each corpus article as `[section/file, body]`, the body being the file without its headline line; empty without the corpus. */
export function corpusBodies(): Array<[string, string]> {
  const root = CORPUS_ARTICLES;
  if (!root) return [];
  return readdirSync(root)
    .sort()
    .flatMap((section) =>
      readdirSync(path.join(root, section))
        .filter((name) => name.endsWith('.txt') || name.endsWith('.md'))
        .sort()
        .map((name): [string, string] => {
          const text = readFileSync(path.join(root, section, name), 'utf8');
          return [`${section}/${name}`, text.slice(text.indexOf('\n') + 1)];
        }),
    );
}
