import * as z from './zod';

/** The body of an invalidation queue message: the CDN paths one render asks to invalidate. */
export const invalidationRequestSchema = z.object({
  paths: z.array(z.string().check(z.startsWith('/'))).check(z.minLength(1), z.maxLength(3000)),
});

/** An invalidation request, as queued by render and consumed by invalidate-cdn. */
export type InvalidationRequest = z.infer<typeof invalidationRequestSchema>;
