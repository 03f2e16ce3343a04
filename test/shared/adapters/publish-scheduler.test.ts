import { GetScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publishScheduleInputSchema, type PublishScheduleInput } from '../../../events/publish-schedule';
import { startSchedulerServer, type SchedulerServer } from '../../../infra/local/scheduler/scheduler-server';
import { createPublishScheduler } from '../../../shared/adapters/publish-scheduler';
import type { PublishScheduler } from '../../../shared/ports/publish-scheduler';

const GROUP = 'newsroom-publish';
const TARGET = 'arn:aws:lambda:us-east-1:000000000000:function:publish-scheduled';
const ROLE = 'arn:aws:iam::000000000000:role/scheduler';

let dir: string;
let server: SchedulerServer;
let client: SchedulerClient;
let scheduler: PublishScheduler;
let published: PublishScheduleInput[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'publish-scheduler-'));
  published = [];
  server = await startSchedulerServer({
    stateDir: dir,
    invoke: async (targetArn, input) => {
      if (targetArn === TARGET) published.push(publishScheduleInputSchema.parse(JSON.parse(input)));
    },
  });
  client = new SchedulerClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  scheduler = createPublishScheduler({ client, groupName: GROUP, roleArn: ROLE, targetArn: TARGET });
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function schedules() {
  const { Schedules = [] } = await client.send(new ListSchedulesCommand({ GroupName: GROUP }));
  return Schedules;
}

describe('publish scheduler against the local EventBridge Scheduler endpoint', () => {
  it('creates a one-time schedule that publishes the version, deleting itself after it ran', async () => {
    await scheduler.schedule('a1', 3, '2099-06-01T12:30:00.000Z');
    const [summary] = await schedules();
    const got = await client.send(new GetScheduleCommand({ Name: summary?.Name, GroupName: GROUP }));
    expect(got).toMatchObject({
      ScheduleExpression: 'at(2099-06-01T12:30:00)',
      ActionAfterCompletion: 'DELETE',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: TARGET, RoleArn: ROLE },
    });
    expect(publishScheduleInputSchema.parse(JSON.parse(got.Target?.Input ?? ''))).toEqual({ id: 'a1', version: 3 });
  });

  it('gives the schedule the dead-letter queue it is configured with', async () => {
    const dlq = 'arn:aws:sqs:us-east-1:000000000000:publish-failures';
    const withDlq = createPublishScheduler({ client, groupName: GROUP, roleArn: ROLE, targetArn: TARGET, deadLetterArn: dlq });
    await withDlq.schedule('a9', 1, '2099-06-01T12:30:00.000Z');
    const [summary] = await schedules();
    const got = await client.send(new GetScheduleCommand({ Name: summary?.Name, GroupName: GROUP }));
    expect(got.Target?.DeadLetterConfig).toEqual({ Arn: dlq });
  });

  it('rounds a fractional second up so the schedule never fires early', async () => {
    await scheduler.schedule('a1', 1, '2099-06-01T12:30:00.200Z');
    const [summary] = await schedules();
    const got = await client.send(new GetScheduleCommand({ Name: summary?.Name, GroupName: GROUP }));
    expect(got.ScheduleExpression).toBe('at(2099-06-01T12:30:01)');
  });

  it('moves the article’s one schedule when it is scheduled again', async () => {
    await scheduler.schedule('a1', 1, '2099-06-01T12:30:00Z');
    await scheduler.schedule('a1', 2, '2099-07-01T08:00:00Z');
    const all = await schedules();
    const got = await client.send(new GetScheduleCommand({ Name: all[0]?.Name, GroupName: GROUP }));
    expect(all).toHaveLength(1);
    expect([got.ScheduleExpression, got.Target?.Input]).toEqual(['at(2099-07-01T08:00:00)', '{"id":"a1","version":2}']);
  });

  it('keeps one schedule per article', async () => {
    await scheduler.schedule('a1', 1, '2099-06-01T12:30:00Z');
    await scheduler.schedule('b2', 1, '2099-06-01T12:30:00Z');
    expect(await schedules()).toHaveLength(2);
  });

  it('removes the schedule on cancel', async () => {
    await scheduler.schedule('a1', 1, '2099-06-01T12:30:00Z');
    await scheduler.cancel('a1');
    expect(await schedules()).toEqual([]);
  });

  it('accepts cancelling an article that has no schedule', async () => {
    await expect(scheduler.cancel('never-scheduled')).resolves.toBeUndefined();
  });

  it('invokes the publish target with the article and version when the time comes', async () => {
    await scheduler.schedule('soon', 4, new Date(Date.now() + 300).toISOString());
    await vi.waitFor(() => expect(published).toEqual([{ id: 'soon', version: 4 }]), { timeout: 5000 });
  });
});
