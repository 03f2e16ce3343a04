import { LOCAL_ALERT_QUEUE_ARN } from '../../infra/local/subscriber-runtime';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_EVENTS } from '../../events/samples';
import { encodeS3Key } from '../../events/s3-notification';
import { createArticleStore } from '../../shared/adapters/article-store';
import { STAGES } from '../../shared/domain/lifecycle';
import { articleIdFor } from '../../shared/domain/publishing/article-id';
import { dynamoDbClient, useLocalStackEnvironment } from '../support/aws-env';
import { endpoints, eventually, readOutbox, uploadDraft, waitForReport } from '../support/local-stack-client';
import { lambdaContext } from '../../infra/local/lambda-context';

let handler: typeof import('../../functions/ingest-draft/handler')['handler'];

/** The sample SQS event, pointed at another draft key. */
function sqsEventFor(key: string): SQSEvent {
  const sample = SAMPLE_EVENTS.sqsS3ObjectCreated();
  const record = sample.Records[0]!;
  record.body = record.body.replace('drafts/us-china-ai-dialogue.md', encodeS3Key(key)).replace('newsroom-drafts', endpoints().draftsBucket);
  return sample;
}

beforeAll(async () => {
  useLocalStackEnvironment();
  ({ handler } = await import('../../functions/ingest-draft/handler'));
});

describe('ingest-draft handler', () => {
  it('yields one version and one alert when the same S3 event is delivered twice more', async () => {
    const since = new Date();
    const seed = await readFile(new URL('../../examples/us-china-ai-dialogue.md', import.meta.url), 'utf8');
    const key = await uploadDraft('redelivery/seed with spaces.md', seed.replace('---\n', `---\nslug: redelivery-${Date.now()}\n`));
    expect((await waitForReport(key, since)).status).toBe('published');
    const alertsFor = async () =>
      (await readOutbox()).filter(
        (d) => d.endpoint === LOCAL_ALERT_QUEUE_ARN && d.message.includes('Digital Ceasefire') && d.timestamp >= since.toISOString(),
      );
    await eventually(async () => ((await alertsFor()).length > 0 ? true : undefined));

    const event = sqsEventFor(key);
    expect(await handler(event, lambdaContext('ingest-draft'))).toEqual({ batchItemFailures: [] });
    expect(await handler(event, lambdaContext('ingest-draft'))).toEqual({ batchItemFailures: [] });

    const store = createArticleStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName: endpoints().tableName });
    expect(await store.listVersions(articleIdFor(key))).toHaveLength(1);
    // No head write, so no stream record to start render or notify again; and the local SNS answers a Publish
    // only after writing its deliveries, so an alert the handler sent would already be in the outbox.
    expect((await store.getHead(articleIdFor(key)))?.stage).toBe(STAGES.done);
    expect(await alertsFor()).toHaveLength(1);
  });

  it('reports a message whose body is not an S3 notification as a batch item failure', async () => {
    const event = sqsEventFor('drafts/whatever.md');
    event.Records[0]!.body = '{"not":"an S3 event"}';
    const response = await handler(event, lambdaContext('ingest-draft'));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]!.messageId }]);
  });
});
