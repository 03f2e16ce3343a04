import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateFileError } from '../../../../infra/local/json-state-store';
import { openSnsStateStore, SNS_STATE_FILE } from '../../../../infra/local/sns/sns-state';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sns-state-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openSnsStateStore', () => {
  it('starts empty when there is no state file', async () => {
    const store = await openSnsStateStore(dir);
    expect(store.state).toEqual({ version: 1, topics: [], subscriptions: [], platformApplications: [], platformEndpoints: [] });
  });

  it('reads a state file written before platform endpoints existed', async () => {
    await writeFile(join(dir, SNS_STATE_FILE), '{"version": 1, "topics": [], "subscriptions": []}');
    expect((await openSnsStateStore(dir)).state).toMatchObject({ platformApplications: [], platformEndpoints: [] });
  });

  it('saves the state so that a new store reads it back', async () => {
    const store = await openSnsStateStore(dir);
    store.state.topics.push({ arn: 'arn:aws:sns:us-east-1:000000000000:alerts', name: 'alerts' });
    await store.save();
    const reopened = await openSnsStateStore(dir);
    expect(reopened.state.topics).toEqual([{ arn: 'arn:aws:sns:us-east-1:000000000000:alerts', name: 'alerts' }]);
  });

  it('refuses a state file it did not write and leaves it untouched', async () => {
    const path = join(dir, SNS_STATE_FILE);
    await writeFile(path, '{"topics": "alerts"}');
    await expect(openSnsStateStore(dir)).rejects.toThrow(StateFileError);
    expect(await readFile(path, 'utf8')).toBe('{"topics": "alerts"}');
  });
});
