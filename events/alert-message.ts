import * as z from './zod';

/** A subscriber alert as published to the alerts topic with `MessageStructure: 'json'`. */
export const alertMessageSchema = z.object({
  default: z.string(),
  email: z.string(),
  APNS: z.string(),
  APNS_SANDBOX: z.string(),
  GCM: z.string(),
  /** The alert queue's form: an `AlertPayload` as JSON (see `alert-payload.ts`). */
  sqs: z.string(),
});
export type AlertMessage = z.infer<typeof alertMessageSchema>;

/** The push payload carried in the APNS and GCM forms. */
export const pushPayloadSchema = z.object({
  title: z.string(),
  body: z.string(),
  url: z.url(),
  collapseId: z.string(),
});
export type PushPayload = z.infer<typeof pushPayloadSchema>;
