import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** Puts messages on one SQS queue. */
export interface BatchQueue {
  /** Sends every body, ten per request; throws if any entry failed (the caller's retry re-sends all, which the ledger absorbs). */
  sendAll(bodies: readonly string[]): Promise<void>;
}

/** A queue over SQS `SendMessageBatch`. */
export function createBatchQueue({ client, queueUrl }: { client: SQSClient; queueUrl: string }): BatchQueue {
  return {
    async sendAll(bodies) {
      for (let start = 0; start < bodies.length; start += 10) {
        const entries = bodies.slice(start, start + 10).map((body, i) => ({ Id: String(i), MessageBody: body }));
        const { Failed = [] } = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
        if (Failed.length > 0) throw new Error(`SQS refused ${Failed.length} message(s): ${Failed[0]?.Code} ${Failed[0]?.Message ?? ''}`);
      }
    },
  };
}
