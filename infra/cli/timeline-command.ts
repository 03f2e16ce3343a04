import type { ArticleHead } from '../../shared/domain/article';
import type { MilestoneRecord } from './milestone-records';

/** One step of an article's way to readers. */
export interface TimelineEntry {
  readonly step: 'saved' | MilestoneRecord['milestone'];
  readonly at: string;
  /** The article version, for steps after ingest. */
  readonly version?: number;
  /** The ingest outcome, e.g. `published`. */
  readonly outcome?: string;
}

/**
 * The steps of one article, oldest first: each save of its draft (the S3
 * event time) and ingest, then each render, invalidation and alert of its
 * versions, from the milestones the functions recorded.
 */
export function buildTimeline(head: Pick<ArticleHead, 'id' | 'draftKey'>, records: readonly MilestoneRecord[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const record of records) {
    if (record.milestone === 'ingested') {
      if (record.draftKey !== head.draftKey) continue;
      if (record.savedAt) entries.push({ step: 'saved', at: record.savedAt });
      entries.push({ step: 'ingested', at: record.at, outcome: record.outcome });
      continue;
    }
    for (const article of record.articles?.split(',') ?? []) {
      const [id, version] = article.split('@');
      if (id === head.id) entries.push({ step: record.milestone, at: record.at, version: Number(version) });
    }
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** Milliseconds from each render back to the latest save before it: the drop-to-live latency of that save. */
export function dropToLive(entries: readonly TimelineEntry[]): number[] {
  const latencies: number[] = [];
  let saved: string | undefined;
  for (const entry of entries) {
    if (entry.step === 'saved') saved = entry.at;
    if (entry.step === 'rendered' && saved) {
      latencies.push(Date.parse(entry.at) - Date.parse(saved));
      saved = undefined;
    }
  }
  return latencies;
}

/** The timeline as an operator reads it: time, offset from the first step, step, version or outcome. */
export function describeTimeline(slug: string, entries: readonly TimelineEntry[]): string {
  if (entries.length === 0) return `${slug}: no recorded steps`;
  const start = Date.parse(entries[0]!.at);
  const rows = entries.map((entry) => {
    const offset = `+${Date.parse(entry.at) - start} ms`.padStart(10);
    const detail = entry.outcome ?? (entry.version === undefined ? '' : `v${entry.version}`);
    return `${entry.at}  ${offset}  ${entry.step.padEnd(12)} ${detail}`;
  });
  const latencies = dropToLive(entries);
  const summary = latencies.length > 0 ? `drop-to-live: ${latencies.map((ms) => `${ms} ms`).join(', ')}` : 'not live yet';
  return [`${slug}`, ...rows, summary].join('\n');
}
