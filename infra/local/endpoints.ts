import { readFile } from 'node:fs/promises';
import * as z from 'zod';

/** What a running local stack publishes about itself in `$NEWSROOM_HOME/endpoints.json`. */
export const endpointsSchema = z.object({
  site: z.string(),
  s3: z.string(),
  dynamodb: z.string(),
  sns: z.string(),
  scheduler: z.string(),
  draftsBucket: z.string(),
  siteBucket: z.string(),
  tableName: z.string(),
  alertsTopicArn: z.string(),
  editorsTopicArn: z.string(),
  draftsDir: z.string(),
  /** The watched previews folder beside the drafts folder. */
  previewsDir: z.optional(z.string()),
  outboxDir: z.string(),
  pid: z.number(),
});
export type Endpoints = z.infer<typeof endpointsSchema>;

/** Reads the endpoints of the running local stack. */
export async function readEndpoints(file: string): Promise<Endpoints> {
  return endpointsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}
