import { beforeAll, describe, expect, it } from 'vitest';
import { sqsEventOf } from '../../infra/local/intake-queue';
import { lambdaContext } from '../../infra/local/lambda-context';
import { useLocalStackEnvironment } from '../support/aws-env';

let handler: typeof import('../../functions/publish-scheduled/handler')['handler'];

beforeAll(async () => {
  useLocalStackEnvironment();
  ({ handler } = await import('../../functions/publish-scheduled/handler'));
});

describe('publish-scheduled handler', () => {
  it('fails a message that is not a publish schedule input, so the publish queue retries and dead-letters it', async () => {
    const event = sqsEventOf(JSON.stringify({ id: 'a1', version: 'two' }));
    await expect(handler(event, lambdaContext('publish-scheduled'))).rejects.toThrow(/All records failed/);
  });

  it('leaves a schedule for an article that does not exist as done (stale)', async () => {
    const event = sqsEventOf(JSON.stringify({ id: `missing-${Date.now()}`, version: 1 }));
    expect(await handler(event, lambdaContext('publish-scheduled'))).toEqual({ batchItemFailures: [] });
  });
});
