import * as z from './zod';

/**
 * What the email (and web-push) senders need of one alert: the `sqs` form of
 * the structured message on the alerts topic, delivered raw to the alert
 * queue. `alertId` (article id and version) names the alert in every
 * idempotency record.
 */
export const alertPayloadSchema = z.object({
  alertId: z.string().check(z.minLength(1), z.maxLength(200)),
  title: z.string(),
  dek: z.optional(z.string()),
  takeaways: z.array(z.string()),
  url: z.url(),
  section: z.string(),
  tags: z.array(z.string()),
  breaking: z.boolean(),
  language: z.string(),
});
export type AlertPayload = z.infer<typeof alertPayloadSchema>;

/** One email batch: the alert and up to `EMAIL_BATCH_SIZE` recipients, sent by one sender invocation. */
export const emailBatchSchema = z.object({
  alert: alertPayloadSchema,
  /** Stable for the same alert and recipients: the idempotency key of the batch with `alert.alertId`. */
  batchId: z.string().check(z.minLength(1), z.maxLength(100)),
  recipients: z.array(z.object({ id: z.string(), email: z.string() })).check(z.minLength(1), z.maxLength(100)),
});
export type EmailBatch = z.infer<typeof emailBatchSchema>;

/** One web-push batch: the alert and up to `EMAIL_BATCH_SIZE` browser subscriptions. */
export const pushBatchSchema = z.object({
  kind: z.literal('push'),
  alert: alertPayloadSchema,
  batchId: z.string().check(z.minLength(1), z.maxLength(100)),
  recipients: z
    .array(z.object({ id: z.string(), endpoint: z.string(), p256dh: z.string(), auth: z.string() }))
    .check(z.minLength(1), z.maxLength(100)),
});
export type PushBatch = z.infer<typeof pushBatchSchema>;

/** Any message of the batch queue. */
export const alertBatchSchema = z.union([pushBatchSchema, emailBatchSchema]);
