import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSchedulerServer, type SchedulerServer, type SchedulerServerOptions } from '../../../../infra/local/scheduler/scheduler-server';
import type { ScheduleFailure } from '../../../../infra/local/scheduler/scheduler-state';

const GROUP = 'newsroom';
const TARGET = 'arn:aws:lambda:us-east-1:000000000000:function:publish';
const ROLE = 'arn:aws:iam::000000000000:role/scheduler';

let dir: string;
let server: SchedulerServer | undefined;
let client: SchedulerClient;
let invocations: Array<{ targetArn: string; input: string }>;

/** `at()` text for an instant `ms` from now (whole seconds, rounded up). */
function atIn(ms: number): string {
  const instant = new Date(Math.ceil((Date.now() + ms) / 1000) * 1000);
  return `at(${instant.toISOString().slice(0, 19)})`;
}

async function start(overrides: Partial<SchedulerServerOptions> = {}): Promise<void> {
  server = await startSchedulerServer({
    stateDir: join(dir, 'state'),
    invoke: async (targetArn, input) => {
      invocations.push({ targetArn, input });
    },
    retryDelayMs: 10,
    ...overrides,
  });
  client = new SchedulerClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

function input(name: string, overrides: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput {
  return {
    Name: name,
    GroupName: GROUP,
    ScheduleExpression: 'at(2099-01-01T00:00:00)',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: { Arn: TARGET, RoleArn: ROLE, Input: JSON.stringify({ name }) },
    ...overrides,
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scheduler-local-'));
  invocations = [];
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('local EventBridge Scheduler endpoint', () => {
  it('returns the schedule it created, with its target and dates', async () => {
    await start();
    const created = await client.send(new CreateScheduleCommand(input('s1')));
    const got = await client.send(new GetScheduleCommand({ Name: 's1', GroupName: GROUP }));
    expect(created.ScheduleArn).toBe(`arn:aws:scheduler:us-east-1:000000000000:schedule/${GROUP}/s1`);
    expect(got).toMatchObject({
      Arn: created.ScheduleArn,
      Name: 's1',
      GroupName: GROUP,
      ScheduleExpression: 'at(2099-01-01T00:00:00)',
      State: 'ENABLED',
      ActionAfterCompletion: 'DELETE',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: TARGET, RoleArn: ROLE, Input: '{"name":"s1"}' },
    });
    expect(got.CreationDate).toBeInstanceOf(Date);
  });

  it('refuses to create a schedule whose name is taken in the group', async () => {
    await start();
    await client.send(new CreateScheduleCommand(input('s1')));
    await expect(client.send(new CreateScheduleCommand(input('s1')))).rejects.toBeInstanceOf(ConflictException);
  });

  it('replaces the expression and target on update', async () => {
    await start();
    await client.send(new CreateScheduleCommand(input('s1')));
    await client.send(
      new UpdateScheduleCommand({
        ...input('s1'),
        ScheduleExpression: 'at(2098-05-06T07:08:09)',
        Target: { Arn: TARGET, RoleArn: ROLE, Input: '{"v":2}' },
      }),
    );
    const got = await client.send(new GetScheduleCommand({ Name: 's1', GroupName: GROUP }));
    expect([got.ScheduleExpression, got.Target?.Input]).toEqual(['at(2098-05-06T07:08:09)', '{"v":2}']);
  });

  it('answers ResourceNotFoundException for a schedule that does not exist', async () => {
    await start();
    await expect(client.send(new GetScheduleCommand({ Name: 'nope', GroupName: GROUP }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new UpdateScheduleCommand(input('nope')))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new DeleteScheduleCommand({ Name: 'nope', GroupName: GROUP }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('forgets a deleted schedule', async () => {
    await start();
    await client.send(new CreateScheduleCommand(input('s1')));
    await client.send(new DeleteScheduleCommand({ Name: 's1', GroupName: GROUP }));
    await expect(client.send(new GetScheduleCommand({ Name: 's1', GroupName: GROUP }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('keeps schedules of the same name in different groups apart', async () => {
    await start();
    await client.send(new CreateScheduleCommand(input('s1')));
    await client.send(new CreateScheduleCommand(input('s1', { GroupName: 'other' })));
    const listed = await client.send(new ListSchedulesCommand({ GroupName: GROUP }));
    expect(listed.Schedules?.map((s) => `${s.GroupName}/${s.Name}`)).toEqual([`${GROUP}/s1`]);
  });

  it('refuses an expression other than at()', async () => {
    await start();
    await expect(client.send(new CreateScheduleCommand(input('s1', { ScheduleExpression: 'rate(5 minutes)' })))).rejects.toBeInstanceOf(
      ValidationException,
    );
  });

  it('reads an at() expression in the given time zone', async () => {
    const fired: string[] = [];
    await start({ invoke: async (_arn, text) => void fired.push(text) });
    // 01:00 in Paris (winter, UTC+1) is midnight UTC: long past, so it fires at once.
    await client.send(
      new CreateScheduleCommand(input('tz', { ScheduleExpression: 'at(2020-01-01T01:00:00)', ScheduleExpressionTimezone: 'Europe/Paris' })),
    );
    await vi.waitFor(() => expect(fired).toEqual(['{"name":"tz"}']), { timeout: 5000 });
  });

  it('invokes the target with the schedule input when it is due, then deletes the schedule', async () => {
    await start();
    await client.send(new CreateScheduleCommand(input('soon', { ScheduleExpression: atIn(300) })));
    await vi.waitFor(() => expect(invocations).toEqual([{ targetArn: TARGET, input: '{"name":"soon"}' }]), { timeout: 5000 });
    await vi.waitFor(async () => {
      await expect(client.send(new GetScheduleCommand({ Name: 'soon', GroupName: GROUP }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    });
  });

  it('does not invoke the target of a schedule deleted before its time', async () => {
    await start();
    await client.send(new CreateScheduleCommand(input('cancelled', { ScheduleExpression: atIn(300) })));
    await client.send(new DeleteScheduleCommand({ Name: 'cancelled', GroupName: GROUP }));
    await client.send(new CreateScheduleCommand(input('marker', { ScheduleExpression: atIn(800) })));
    await vi.waitFor(() => expect(invocations.map((i) => i.input)).toContain('{"name":"marker"}'), { timeout: 5000 });
    expect(invocations.map((i) => i.input)).not.toContain('{"name":"cancelled"}');
  });

  it('keeps a schedule without ActionAfterCompletion DELETE after it ran, and runs it once', async () => {
    await start();
    await client.send(new CreateScheduleCommand(input('kept', { ScheduleExpression: 'at(2020-01-01T00:00:00)', ActionAfterCompletion: 'NONE' })));
    await vi.waitFor(() => expect(invocations).toHaveLength(1), { timeout: 5000 });
    const got = await client.send(new GetScheduleCommand({ Name: 'kept', GroupName: GROUP }));
    await server?.close();
    server = undefined;
    await start();
    await client.send(new CreateScheduleCommand(input('marker', { ScheduleExpression: 'at(2020-01-01T00:00:00)' })));
    await vi.waitFor(() => expect(invocations).toHaveLength(2), { timeout: 5000 });
    expect([got.Name, invocations.map((i) => i.input)]).toEqual(['kept', ['{"name":"kept"}', '{"name":"marker"}']]);
  });

  it('runs an overdue schedule at once after a restart on the same state', async () => {
    await start();
    await client.send(new CreateScheduleCommand(input('later', { ScheduleExpression: atIn(60_000) })));
    await server?.close();
    server = undefined;
    expect(invocations).toEqual([]);
    const anHourLater = () => new Date(Date.now() + 3_600_000);
    await start({ now: anHourLater });
    await vi.waitFor(() => expect(invocations.map((i) => i.input)).toEqual(['{"name":"later"}']), { timeout: 5000 });
  });

  it('retries a failing target, then records the failure and reports it', async () => {
    let attempts = 0;
    const failures: ScheduleFailure[] = [];
    await start({
      invoke: async () => {
        attempts++;
        throw new Error('function failed');
      },
      onFailure: (failure) => failures.push(failure),
    });
    await client.send(new CreateScheduleCommand(input('broken', { ScheduleExpression: 'at(2020-01-01T00:00:00)' })));
    await vi.waitFor(() => expect(failures).toHaveLength(1), { timeout: 5000 });
    const state = JSON.parse(await readFile(join(dir, 'state', 'schedules.json'), 'utf8')) as { failures: unknown[] };
    expect([attempts, failures[0]?.attempts, failures[0]?.name, state.failures.length]).toEqual([4, 4, 'broken', 1]);
    expect(failures[0]?.error).toContain('function failed');
  });

  it('succeeds when a retry succeeds', async () => {
    let attempts = 0;
    const failures: ScheduleFailure[] = [];
    await start({
      invoke: async () => {
        attempts++;
        if (attempts < 3) throw new Error('not yet');
      },
      onFailure: (failure) => failures.push(failure),
    });
    await client.send(new CreateScheduleCommand(input('flaky', { ScheduleExpression: 'at(2020-01-01T00:00:00)' })));
    await vi.waitFor(
      async () => {
        await expect(client.send(new GetScheduleCommand({ Name: 'flaky', GroupName: GROUP }))).rejects.toBeInstanceOf(ResourceNotFoundException);
      },
      { timeout: 5000 },
    );
    expect([attempts, failures]).toEqual([3, []]);
  });
});
