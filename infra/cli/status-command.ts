import { readdir } from 'node:fs/promises';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { STAGES, waitingSince } from '../../shared/domain/lifecycle';
import type { ArticleQueries } from '../../shared/ports/article-store';
import { findStageResources } from './stage-resources';

/** A head that has waited longer than this for its next step (a scheduled one: past its time) is reported as stuck. */
export const STUCK_AFTER_MS = 5 * 60_000;

/** One queue's depth. */
export interface QueueDepth {
  readonly name: string;
  /** Messages waiting to be received. */
  readonly waiting: number;
  /** Messages received and not yet deleted. */
  readonly inFlight: number;
}

/** What `newsroom status` shows. */
export interface StatusReport {
  readonly queues: readonly QueueDepth[];
  readonly deadLetters: readonly { readonly name: string; readonly count: number }[];
  /**
   * Unfinished heads, longest waiting first, with since when they have waited (a scheduled one: its publish time);
   * `inDoubt` for an alert claimed past the deadline and never recorded as sent.
   */
  readonly inFlight: readonly {
    readonly slug: string;
    readonly id: string;
    readonly stage: string;
    readonly since: string;
    readonly stuck: boolean;
    readonly inDoubt: boolean;
  }[];
  readonly lastPublish?: { readonly slug: string; readonly title: string; readonly publishedAt: string };
  /** What this view cannot show, for the target it looked at. */
  readonly notes: readonly string[];
}

/** Where the status comes from: queues and dead letters per target, the table through the operator queries. */
export interface StatusSources {
  readonly table: ArticleQueries;
  readonly queues: () => Promise<{ queues: QueueDepth[]; deadLetters: { name: string; count: number }[]; notes: string[] }>;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/** Gathers queue depths, dead-letter counts, unfinished heads and the last publish. */
export async function collectStatus(sources: StatusSources): Promise<StatusReport> {
  const now = (sources.clock ?? (() => new Date()))().getTime();
  const [{ queues, deadLetters, notes }, heads, last] = await Promise.all([
    sources.queues(),
    sources.table.listUnfinished(),
    sources.table.listPublished(1).then(([newest]) => newest),
  ]);
  return {
    queues,
    deadLetters,
    inFlight: heads.map((head) => {
      const stuck = now - waitingSince(head) > STUCK_AFTER_MS;
      const since = new Date(waitingSince(head)).toISOString();
      return { slug: head.slug, id: head.id, stage: head.stage, since, stuck, inDoubt: stuck && head.stage === STAGES.alerting };
    }),
    lastPublish: last && { slug: last.slug, title: last.title, publishedAt: last.publishedAt },
    notes,
  };
}

/** The local stack's dead letters: one file per message in each dead-letter folder. */
export function localQueues(deadLetterDirs: Readonly<Record<string, string>>): StatusSources['queues'] {
  return async () => {
    const deadLetters = [];
    for (const [name, dir] of Object.entries(deadLetterDirs)) {
      const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
      deadLetters.push({ name, count: files.filter((file) => file.endsWith('.json')).length });
    }
    return { queues: [], deadLetters, notes: ['the local intake queue lives inside the local stack process; its depth is not visible here'] };
  };
}

/** A deployed stage's queues, found among its stacks' resources; dead-letter and failure queues counted apart. */
export function stageQueues(
  stage: string,
  cloudformation = new CloudFormationClient({}),
  sqs = new SQSClient({}),
  s3 = new S3Client({}),
): StatusSources['queues'] {
  return async () => {
    const found = await findStageResources(stage, ['AWS::SQS::Queue'], cloudformation);
    const queues: QueueDepth[] = [];
    const deadLetters: { name: string; count: number }[] = [];
    for (const { logicalId: name, physicalId: url } of found) {
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
      );
      const waiting = Number(Attributes.ApproximateNumberOfMessages ?? 0);
      if (/DeadLetter|Failure/i.test(name)) deadLetters.push({ name, count: waiting });
      else queues.push({ name, waiting, inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) });
    }
    // Given-up stream batches are objects in the Data stack's stream failure bucket (Lambda's S3 on-failure destination).
    for (const { physicalId: bucket } of (await findStageResources(stage, ['AWS::S3::Bucket'], cloudformation)).filter((b) =>
      b.logicalId.startsWith('StreamFailures'),
    )) {
      const { KeyCount = 0 } = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1000 }));
      deadLetters.push({ name: 'StreamFailures', count: KeyCount });
    }
    return { queues, deadLetters, notes: [] };
  };
}

/** The report as an operator reads it. */
export function describeStatus(report: StatusReport): string {
  const lines = ['queues:'];
  for (const queue of report.queues) lines.push(`  ${queue.name}: ${queue.waiting} waiting, ${queue.inFlight} in flight`);
  lines.push('dead letters:');
  for (const dead of report.deadLetters) lines.push(`  ${dead.name}: ${dead.count}${dead.count > 0 ? '  <-- look here' : ''}`);
  lines.push(`unfinished heads: ${report.inFlight.length}`);
  for (const head of report.inFlight) {
    const since = head.stage === STAGES.scheduled ? `for ${head.since}` : `since ${head.since}`;
    const flag = head.inDoubt ? `  ALERT IN DOUBT (newsroom alerts --resend ${head.id} | --mark-sent ${head.id})` : head.stuck ? '  STUCK' : '';
    lines.push(`  ${head.slug}: ${head.stage} ${since}${flag}`);
  }
  lines.push(
    report.lastPublish
      ? `last publish: ${report.lastPublish.publishedAt} ${report.lastPublish.slug} (${report.lastPublish.title})`
      : 'last publish: none',
  );
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}
