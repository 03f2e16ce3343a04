import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../infra/local/lambda-context';
import { useLocalStackEnvironment } from '../support/aws-env';

let handler: (typeof import('../../functions/publish-scheduled/handler'))['handler'];

beforeAll(async () => {
  useLocalStackEnvironment();
  ({ handler } = await import('../../functions/publish-scheduled/handler'));
});

describe('publish-scheduled handler', () => {
  it('throws on an event that is not a publish schedule input, so Scheduler retries and dead-letters it', async () => {
    await expect(handler({ id: 'a1', version: 'two' }, lambdaContext('publish-scheduled'))).rejects.toThrow();
  });

  it('reports stale for an article that does not exist', async () => {
    expect(await handler({ id: `missing-${Date.now()}`, version: 1 }, lambdaContext('publish-scheduled'))).toEqual({ outcome: 'stale' });
  });
});
