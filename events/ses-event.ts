import * as z from './zod';

/**
 * An SES event-destination record (as published to SNS and delivered raw to
 * the SES events queue); only what suppression needs is read.
 */
export const sesEventSchema = z.object({
  eventType: z.string(),
  bounce: z.optional(
    z.object({
      bounceType: z.string(),
      bouncedRecipients: z.array(z.object({ emailAddress: z.string() })),
    }),
  ),
  complaint: z.optional(z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })) })),
});
export type SesEvent = z.infer<typeof sesEventSchema>;
