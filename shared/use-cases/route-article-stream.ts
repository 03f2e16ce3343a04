import type { ArticleStreamEntry, ArticleVersionRef } from '../../events/article-stream-record';
import { triggerStages } from '../domain/lifecycle';

/** The two jobs of the article stream's consumer; each throws when its work failed (and must be retried). */
export interface ArticleStreamRoutes {
  /** Renders the pages of a batch of article versions whose heads entered the render stage, once for the batch. */
  render(refs: readonly ArticleVersionRef[]): Promise<void>;
  /** Sends the subscriber alert of one article version whose head entered the notify stage (its record, image included). */
  notify(entry: ArticleStreamEntry): Promise<void>;
}

/** A batch in which every record failed: thrown, so the mapping bisects it as it does a function error. */
export class StreamBatchFailedError extends Error {
  constructor(readonly causes: readonly unknown[]) {
    super(`Every record of the stream batch failed: ${causes.map((cause) => (cause instanceof Error ? cause.message : String(cause))).join('; ')}`);
    this.name = 'StreamBatchFailedError';
  }
}

const RENDER_STAGES: readonly string[] = triggerStages('pagesRendered');
const NOTIFY_STAGES: readonly string[] = triggerStages('alertClaimed');

/**
 * Routes a batch of the article stream by the stage each head entered: render-stage records to one render of
 * them all, notify-stage records to one alert each, both groups side by side (an article is at one stage at a
 * time, and a record older than its head finds the head moved on and is skipped, so order across groups changes
 * nothing). Returns the sequence numbers of the records that failed: every render record when the render failed,
 * each notify record whose alert failed, and any record at a stage neither job takes. On AWS the mapping resumes
 * from the lowest of them; the records after it that succeeded are delivered again and find nothing left to do.
 *
 * @throws when every record failed (its one error, or a StreamBatchFailedError with them all), so bisecting and the
 *   retry budget apply as for any function error
 */
export async function routeArticleStream(routes: ArticleStreamRoutes, entries: readonly ArticleStreamEntry[]): Promise<string[]> {
  const renders = entries.filter((entry) => RENDER_STAGES.includes(entry.stage));
  const notifies = entries.filter((entry) => NOTIFY_STAGES.includes(entry.stage));
  const causes: unknown[] = [];
  const failed = entries
    .filter((entry) => !RENDER_STAGES.includes(entry.stage) && !NOTIFY_STAGES.includes(entry.stage))
    .map((entry) => {
      causes.push(new Error(`No stream job takes stage ${entry.stage} (${entry.ref.id}@${entry.ref.version})`));
      return entry.sequenceNumber;
    });
  const rendering = async () => {
    if (renders.length === 0) return;
    try {
      await routes.render(renders.map((entry) => entry.ref));
    } catch (error) {
      causes.push(error);
      failed.push(...renders.map((entry) => entry.sequenceNumber));
    }
  };
  const notifying = notifies.map(async (entry) => {
    try {
      await routes.notify(entry);
    } catch (error) {
      causes.push(error);
      failed.push(entry.sequenceNumber);
    }
  });
  await Promise.all([rendering(), ...notifying]);
  if (entries.length > 0 && failed.length === entries.length) throw causes.length === 1 ? causes[0] : new StreamBatchFailedError(causes);
  return failed;
}
