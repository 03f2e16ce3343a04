import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomically } from '../atomic-write';

const messageAttributeSchema = z.object({
  DataType: z.string(),
  StringValue: z.string().optional(),
  /** Base64, as sent on the wire. */
  BinaryValue: z.string().optional(),
});

/** One message delivered to one subscription: the content of one outbox file. */
export const snsDeliverySchema = z.object({
  subscriptionArn: z.string(),
  topicArn: z.string(),
  protocol: z.string(),
  endpoint: z.string(),
  subject: z.string().optional(),
  /** What the subscriber receives: with `MessageStructure: json`, the entry for its protocol. */
  message: z.string(),
  messageAttributes: z.record(z.string(), messageAttributeSchema),
  messageId: z.string(),
  /** ISO 8601 time of publication. */
  timestamp: z.string(),
});
/** One message delivered to one subscription. */
export type SnsDelivery = z.infer<typeof snsDeliverySchema>;
/** A message attribute as published and delivered. */
export type SnsMessageAttributeValue = z.infer<typeof messageAttributeSchema>;

/**
 * The outbox file name of a delivery:
 * `<timestamp with ':' as '-'>-<messageId>-<subscriptionId>.json`, so names sort by time.
 */
export function outboxFileName(delivery: SnsDelivery, subscriptionId: string): string {
  return `${delivery.timestamp.replaceAll(':', '-')}-${delivery.messageId}-${subscriptionId}.json`;
}

/**
 * Writes a delivery into the outbox directory atomically (a reader never
 * sees a partial file; temp files are hidden and end in `.tmp`).
 * @returns the path of the written file.
 */
export async function writeDelivery(outboxDir: string, delivery: SnsDelivery, subscriptionId: string): Promise<string> {
  await mkdir(outboxDir, { recursive: true });
  const path = join(outboxDir, outboxFileName(delivery, subscriptionId));
  await writeFileAtomically(path, `${JSON.stringify(delivery, null, 2)}\n`);
  return path;
}
