import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** The CloudWatch metrics namespace of every pipeline function. */
export const METRICS_NAMESPACE = 'Newsroom';

/** Where a serialized EMF document goes: stdout on Lambda (CloudWatch extracts it), a file locally. */
export type MetricsSink = (emfLine: string) => void;

/** The steps of an article's way to readers that the functions record. */
export const MILESTONES = ['ingested', 'rendered', 'invalidated', 'alerted', 'alert-failed', 'alert-in-doubt'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** Metric names, shared by the functions and the dashboard. */
export const METRIC_NAMES = {
  draftsPublished: 'DraftsPublished',
  draftsRejected: 'DraftsRejected',
  draftsScheduled: 'DraftsScheduled',
  pagesWritten: 'PagesWritten',
  pathsInvalidated: 'PathsInvalidated',
  alertsSent: 'AlertsSent',
  alertsFailed: 'AlertsFailed',
  /** Alerts claimed whose publish ended without proof either way (see `newsroom alerts`). */
  alertsInDoubt: 'AlertsInDoubt',
  dropToLive: 'DropToLive',
} as const;

/** What identifies the article a milestone belongs to (the draft for ingest, the article for the rest). */
export interface MilestoneSubject {
  readonly draftKey?: string;
  /** The article versions concerned, `id@version`, comma-separated (a render batch may carry several). */
  readonly articles?: string;
  /** When the editor saved the draft (the S3 event time). */
  readonly savedAt?: string;
  /** The use case's outcome, e.g. `published`. */
  readonly outcome?: string;
}

/** Records pipeline metrics, one EMF document per milestone so each carries its article in its metadata. */
export interface PipelineMetrics {
  /** Records a milestone at `at` with its metrics (name → count or milliseconds; several values of one metric as a list). */
  record(
    milestone: Milestone,
    subject: MilestoneSubject,
    values: Partial<Record<keyof typeof METRIC_NAMES, number | readonly number[]>>,
    at?: Date,
  ): void;
}

const OUTCOME_METRIC: Readonly<Record<string, keyof typeof METRIC_NAMES>> = {
  published: 'draftsPublished',
  rejected: 'draftsRejected',
  scheduled: 'draftsScheduled',
};

/** The ingest metric a draft outcome counts toward, if any (`unchanged`, `withdrawn` and `ignored` count toward none). */
export function outcomeMetric(outcome: string): keyof typeof METRIC_NAMES | undefined {
  return OUTCOME_METRIC[outcome];
}

/**
 * Powertools Metrics in the {@link METRICS_NAMESPACE} namespace with a
 * `service` dimension, written as
 * Embedded Metric Format through `sink`. Every milestone is its own document
 * with `milestone`, the subject and `at` as metadata, which is what
 * `newsroom timeline` reads back.
 */
export function createPipelineMetrics(serviceName: string, sink: MetricsSink): PipelineMetrics {
  const metrics = new Metrics({ serviceName, namespace: METRICS_NAMESPACE });
  return {
    record(milestone, subject, values, at = new Date()) {
      for (const [key, value] of Object.entries(values)) {
        const name = METRIC_NAMES[key as keyof typeof METRIC_NAMES];
        for (const one of typeof value === 'number' ? [value] : (value ?? [])) {
          metrics.addMetric(name, key === 'dropToLive' ? MetricUnit.Milliseconds : MetricUnit.Count, one);
        }
      }
      if (!metrics.hasStoredMetrics()) metrics.addMetric('Milestones', MetricUnit.Count, 1);
      metrics.setTimestamp(at);
      metrics.addMetadata('milestone', milestone);
      metrics.addMetadata('at', at.toISOString());
      for (const [key, value] of Object.entries(subject)) if (value !== undefined) metrics.addMetadata(key, String(value));
      const emf = metrics.serializeMetrics();
      metrics.clearMetrics();
      metrics.clearMetadata();
      sink(JSON.stringify(emf));
    },
  };
}
