import { LOCAL_ALERT_QUEUE_ARN } from '../../infra/local/subscriber-runtime';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../shared/domain/lifecycle';
import { STREAM_CONSUMER_NAME } from '../../shared/adapters/article-stream-filters';
import { SAMPLE_EVENTS } from '../../events/samples';
import { lambdaContext } from '../../infra/local/lambda-context';
import { createArticleStore } from '../../shared/adapters/article-store';
import { slugify } from '../../shared/domain/draft';
import { articleIdFor } from '../../shared/domain/publishing/article-id';
import { markdownDraft, uniqueTitle } from '../e2e/drafts';
import { dynamoDbClient, useLocalStackEnvironment } from '../support/aws-env';
import { endpoints, eventually, readOutbox, uploadDraft, waitForReport } from '../support/local-stack-client';

let consume: typeof import('../../functions/stream-consumer/handler')['handler'];

/** The sample stream event, announcing `id` at `version` entering `stage`. */
function streamEvent(id: string, version: number, stage: string): DynamoDBStreamEvent {
  const sample = SAMPLE_EVENTS.dynamodbStreamArticleRender();
  const record = sample.Records[0]!;
  const image = record.dynamodb.NewImage;
  return {
    Records: [
      {
        ...record,
        eventName: 'MODIFY',
        dynamodb: { ...record.dynamodb, NewImage: { ...image, id: { S: id }, version: { N: String(version) }, stage: { S: stage } } },
      },
    ],
  };
}

beforeAll(async () => {
  useLocalStackEnvironment();
  ({ handler: consume } = await import('../../functions/stream-consumer/handler'));
});

describe('stream records delivered again', () => {
  it('neither re-renders into a second alert nor alerts twice when render and notify records are redelivered', async () => {
    const title = uniqueTitle('Stream redelivery');
    const since = new Date();
    const key = await uploadDraft(`${slugify(title)}.md`, markdownDraft({ title, section: 'World' }));
    expect((await waitForReport(key, since)).status).toBe('published');
    const alerts = async () => (await readOutbox()).filter((d) => d.endpoint === LOCAL_ALERT_QUEUE_ARN && d.subject === title);
    await eventually(async () => ((await alerts()).length === 1 ? true : undefined));

    const id = articleIdFor(key);
    for (let delivery = 0; delivery < 2; delivery++) {
      expect(await consume(streamEvent(id, 1, STAGES.render), lambdaContext(STREAM_CONSUMER_NAME))).toEqual({ batchItemFailures: [] });
      expect(await consume(streamEvent(id, 1, STAGES.notify), lambdaContext(STREAM_CONSUMER_NAME))).toEqual({ batchItemFailures: [] });
    }
    const store = createArticleStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName: endpoints().tableName });
    // Done with no alert owed: no stage write is left to wake a consumer, and the local SNS answers a Publish only
    // after writing its deliveries, so any second alert would already be in the outbox.
    expect(await store.getHead(id)).toMatchObject({ version: 1, stage: STAGES.done, alertDue: false });
    expect(await alerts()).toHaveLength(1);
  });
});
