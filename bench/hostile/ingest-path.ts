/** The CPU part of ingest, as the use case runs it: parse and validate, takeaways, related terms. */
import { parseDraft } from '../../shared/domain/draft';
import { DEFAULT_RELATED_PARAMETERS, articleTerms, heaviestTerms } from '../../shared/domain/related';
import { generateTakeaways } from '../../shared/domain/takeaways';
import type { HostileDraft } from './hostile-drafts';

/** Fixed, so `publishAt` bounds do not depend on when the benchmark runs. */
const NOW = '2026-12-01T00:00:00.000Z';

/** Runs the ingest path over one draft; returns `rejected` or `accepted (n takeaways, m terms)`. */
export function runIngestPath(draft: HostileDraft): string {
  const parsed = parseDraft({ fileName: draft.fileName, bytes: new TextEncoder().encode(draft.text), now: NOW });
  if (!parsed.ok) return `rejected (${parsed.errors.length} problem${parsed.errors.length === 1 ? '' : 's'})`;
  const takeaways = parsed.draft.takeaways ?? generateTakeaways(parsed.draft);
  const terms = articleTerms(parsed.draft);
  heaviestTerms(terms, DEFAULT_RELATED_PARAMETERS.vocabularySize);
  return `accepted (${takeaways.length} takeaways, ${terms.frequencies.size} terms)`;
}
