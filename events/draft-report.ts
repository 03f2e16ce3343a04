import * as z from './zod';

/** A report written beside a draft at `reports/<path after drafts/>.json`. */
export const draftReportSchema = z.object({
  draft: z.string(),
  status: z.enum(['rejected', 'published', 'scheduled', 'withdrawn', 'unchanged', 'previewed']),
  at: z.string(),
  url: z.optional(z.string()),
  publishAt: z.optional(z.string()),
  /** A preview's address stops answering at this instant. */
  expiresAt: z.optional(z.string()),
  errors: z.array(z.object({ path: z.string(), message: z.string(), line: z.optional(z.number()) })),
});
export type DraftReport = z.infer<typeof draftReportSchema>;
