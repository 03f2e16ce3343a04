import * as z from './zod';

/**
 * The `Input` of a one-time publish schedule, which EventBridge Scheduler
 * delivers as the publish function's event: the article and the scheduled
 * version it must publish. A schedule for an older version is a no-op.
 */
export const publishScheduleInputSchema = z.object({
  id: z.string().check(z.minLength(1)),
  version: z.int().check(z.positive()),
});

/** The publish schedule's input: which article, at which (scheduled) version. */
export type PublishScheduleInput = z.infer<typeof publishScheduleInputSchema>;

/** A realistic publish schedule input, for tests and local invokes. */
export const samplePublishScheduleInput: PublishScheduleInput = { id: '3f9a1c2e4b5d6a7f8e90', version: 2 };
