import { readFile } from 'node:fs/promises';
import * as z from 'zod';

/** What a running local stack publishes about itself in `$NEWSROOM_HOME/endpoints.json`. */
export const endpointsSchema = z.object({
  site: z.string(),
  s3: z.string(),
  dynamodb: z.string(),
  sns: z.string(),
  scheduler: z.string(),
  /** The local CloudFront API (invalidations) and its one distribution. */
  cloudfront: z.string(),
  distributionId: z.string(),
  /** The local SQS endpoint and the queues it accepts messages for. */
  sqs: z.string(),
  intakeQueueUrl: z.string(),
  invalidationQueueUrl: z.string(),
  draftsBucket: z.string(),
  siteBucket: z.string(),
  tableName: z.string(),
  alertsTopicArn: z.string(),
  editorsTopicArn: z.string(),
  draftsDir: z.string(),
  /** The watched previews folder beside the drafts folder. */
  previewsDir: z.optional(z.string()),
  outboxDir: z.string(),
  /** aws-ses-v2-local: the SES endpoint and its mail viewer; sent mail as JSON at `/store`. */
  mail: z.string(),
  subscriberTableName: z.string(),
  pid: z.number(),
});
export type Endpoints = z.infer<typeof endpointsSchema>;

/** Reads the endpoints of the running local stack. */
export async function readEndpoints(file: string): Promise<Endpoints> {
  return endpointsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}
