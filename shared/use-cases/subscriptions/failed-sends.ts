import { createHash } from 'node:crypto';
import type { AlertPayload, EmailBatch, PushBatch } from '../../../events/alert-payload';
import type { BatchQueue } from '../../adapters/batch-queue';
import type { PushSubscriptionStore } from '../../adapters/push-subscription-store';
import type { BatchRecord, SendFailure, SendLedger } from '../../adapters/send-ledger';
import type { SubscriberStore } from '../../adapters/subscriber-store';

/** Where a recipient of a failed send stands now: the outcome of its last attempt (the send or its latest replay). */
export type FailedSendState = 'not-sent' | 'uncertain' | 'sent';

/** One recipient of an alert that was not certainly sent, with its replays. */
export interface FailedSend {
  readonly alertId: string;
  /** The batch the recipient was first sent in. */
  readonly batchId: string;
  readonly channel: 'email' | 'push';
  readonly recipient: string;
  /** The email address or push endpoint. */
  readonly address: string;
  /** The first send's failure. */
  readonly first: SendFailure['outcome'];
  readonly reason: string;
  /** Replays so far. */
  readonly replays: number;
  readonly state: FailedSendState;
}

const REPLAY_PREFIX = 'replay';

/**
 * The batch id of the `n`th replay of one recipient of one batch. Each replay
 * is a one-recipient batch through the ordinary sender, so the send ledger
 * makes every replay happen at most once, whoever asks for it and how often.
 */
export function replayBatchId(batchId: string, recipient: string, n: number): string {
  const hash = createHash('sha256').update(`${batchId}\n${recipient}`).digest('base64url').slice(0, 32);
  return `${REPLAY_PREFIX}${n}-${batchId.startsWith('push-') ? 'push-' : ''}${hash}`;
}

function attemptState(record: BatchRecord): FailedSendState {
  if (record.status !== 'done') return 'uncertain';
  return record.failures[0]?.outcome ?? 'sent';
}

/** The failed sends of one alert's batch records (originals and replays), in batch order. */
export function failedSendsOf(records: readonly BatchRecord[]): FailedSend[] {
  const byId = new Map(records.map((record) => [record.batchId, record]));
  const rows: FailedSend[] = [];
  for (const record of records) {
    if (record.batchId.startsWith(REPLAY_PREFIX)) continue;
    for (const failure of record.failures) {
      let replays = 0;
      let state: FailedSendState = failure.outcome;
      for (let replay = byId.get(replayBatchId(record.batchId, failure.recipient, 1)); replay; ) {
        replays++;
        state = attemptState(replay);
        replay = byId.get(replayBatchId(record.batchId, failure.recipient, replays + 1));
      }
      rows.push({
        alertId: record.alertId,
        batchId: record.batchId,
        channel: record.batchId.startsWith('push-') ? 'push' : 'email',
        recipient: failure.recipient,
        address: failure.address,
        first: failure.outcome,
        reason: failure.reason,
        replays,
        state,
      });
    }
  }
  return rows;
}

/** Every failed send, of one alert or of all alerts with failures. */
export async function listFailedSends(ledger: Pick<SendLedger, 'batches' | 'failed'>, alertId?: string): Promise<FailedSend[]> {
  const alertIds = alertId ? [alertId] : [...new Set((await ledger.failed()).map((record) => record.alertId))].sort();
  const rows: FailedSend[] = [];
  for (const id of alertIds) rows.push(...failedSendsOf(await ledger.batches(id)));
  return rows;
}

/** What replaying needs. */
export interface ReplayDependencies {
  readonly ledger: Pick<SendLedger, 'batches'>;
  readonly readers: Pick<SubscriberStore, 'get'>;
  readonly browsers: Pick<PushSubscriptionStore, 'get'>;
  /** The alert as it was sent, or undefined when its story is no longer live (nothing is replayed then). */
  readonly alertFor: (alertId: string) => Promise<AlertPayload | undefined>;
  /** The batch queue the senders read. */
  readonly queue: BatchQueue;
}

/** Which recipients to replay. */
export interface ReplayOptions {
  /** Only this email address or push endpoint. */
  readonly address?: string;
  /** Also recipients whose last attempt is `uncertain`; each may then receive the alert twice. */
  readonly includeUncertain?: boolean;
}

/** What a replay did, per recipient. */
export interface ReplayReport {
  /** Recipients queued for a replay (`address`). */
  readonly queued: readonly string[];
  /** Recipients left alone, with why. */
  readonly skipped: readonly { readonly address: string; readonly why: string }[];
}

/**
 * Replays the failed sends of one alert: each recipient whose last attempt
 * was `not-sent` (and, only when asked, `uncertain`) is queued again as a
 * one-recipient batch with the next replay id, so the ordinary sender sends
 * it at most once. Recipients already sent, no longer subscribed, or whose
 * story is no longer live are skipped; nothing already sent is sent again.
 */
export async function replayFailedSends(deps: ReplayDependencies, alertId: string, options: ReplayOptions = {}): Promise<ReplayReport> {
  const rows = failedSendsOf(await deps.ledger.batches(alertId)).filter(
    (row) => options.address === undefined || row.address.toLowerCase() === options.address.toLowerCase(),
  );
  const queued: string[] = [];
  const skipped: { address: string; why: string }[] = [];
  if (rows.length === 0) return { queued, skipped };
  const alert = await deps.alertFor(alertId);
  const bodies: string[] = [];
  for (const row of rows) {
    const skip = (why: string) => skipped.push({ address: row.address, why });
    if (!alert) skip('the story is no longer live');
    else if (row.state === 'sent') skip('already sent');
    else if (row.state === 'uncertain' && !options.includeUncertain) skip('uncertain: may have been sent (replay with --uncertain)');
    else {
      const batchId = replayBatchId(row.batchId, row.recipient, row.replays + 1);
      const body = await replayBody(deps, alert, batchId, row);
      if (typeof body !== 'string') skip(body.why);
      else {
        bodies.push(body);
        queued.push(row.address);
      }
    }
  }
  if (bodies.length > 0) await deps.queue.sendAll(bodies);
  return { queued, skipped };
}

async function replayBody(deps: ReplayDependencies, alert: AlertPayload, batchId: string, row: FailedSend): Promise<string | { why: string }> {
  if (row.channel === 'email') {
    const reader = await deps.readers.get(row.recipient);
    if (reader?.status !== 'active') return { why: 'no longer subscribed' };
    return JSON.stringify({ alert, batchId, recipients: [{ id: reader.id, email: reader.email }] } satisfies EmailBatch);
  }
  const browser = await deps.browsers.get(row.recipient);
  if (!browser) return { why: 'no longer subscribed' };
  const { id, endpoint, p256dh, auth } = browser;
  return JSON.stringify({ kind: 'push', alert, batchId, recipients: [{ id, endpoint, p256dh, auth }] } satisfies PushBatch);
}
