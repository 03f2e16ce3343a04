import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { articlePath, type DraftProblem, type TakeawaysSource } from '../../shared/domain/article';
import { parseDraft } from '../../shared/domain/draft';
import { chooseTakeaways } from '../../shared/use-cases/takeaway-provider';

/** The result of checking one draft file, as `newsroom check --json` prints it. */
export interface CheckResult {
  readonly file: string;
  readonly valid: boolean;
  readonly errors: readonly DraftProblem[];
  readonly article?: {
    readonly slug: string;
    readonly url: string;
    readonly title: string;
    readonly section: string;
    readonly takeaways: readonly string[];
    readonly takeawaysSource: TakeawaysSource;
  };
}

/** Validates a draft file offline, exactly as the ingest function would. */
export async function checkDraftFile(file: string): Promise<CheckResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    return { file, valid: false, errors: [{ path: '', message: `Cannot read the file: ${(error as Error).message}` }] };
  }
  const parsed = parseDraft({ fileName: basename(file), bytes });
  if (!parsed.ok) return { file, valid: false, errors: parsed.errors };
  const { draft } = parsed;
  const { takeaways, source } = await chooseTakeaways({ draft });
  return {
    file,
    valid: true,
    errors: [],
    article: {
      slug: draft.slug,
      url: articlePath(draft.slug),
      title: draft.title,
      section: draft.section,
      takeaways,
      takeawaysSource: source,
    },
  };
}

/** Human-readable lines for a check result. */
export function describeCheck(result: CheckResult): string {
  if (!result.valid) {
    return result.errors
      .map((error) => `✗ ${result.file}${error.line ? `:${error.line}` : ''}: ${error.path || '(file)'}: ${error.message}`)
      .join('\n');
  }
  const article = result.article;
  if (!article) return `✓ ${result.file}`;
  return [
    `✓ ${result.file} → ${article.url}`,
    `  ${article.title} (${article.section})`,
    `  Takeaways (${article.takeawaysSource}):`,
    ...article.takeaways.map((takeaway, index) => `    ${index + 1}. ${takeaway}`),
  ].join('\n');
}
