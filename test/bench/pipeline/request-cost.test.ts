import { describe, expect, it } from 'vitest';
import { describeRequestCosts, publishRequestKinds, reconcileRequestCosts, type RequestCosts } from '../../../bench/pipeline/request-cost';

describe('request kinds of a publish', () => {
  it('gives each command its requests per publish and mean items per request, most frequent first', () => {
    const kinds = publishRequestKinds(
      { byCommand: { Get: 100, Query: 1000, TransactWrite: 400 }, itemsByCommand: { Get: 100, Query: 7000, TransactWrite: 1700 } },
      100,
    );
    expect(kinds).toEqual([
      { command: 'Query', perPublish: 10, items: 7 },
      { command: 'TransactWrite', perPublish: 4, items: 4 },
      { command: 'Get', perPublish: 1, items: 1 },
    ]);
  });

  it('prices a request of at least one item and at most what DynamoDB lets one request carry', () => {
    const kinds = publishRequestKinds(
      { byCommand: { Query: 10, BatchWrite: 2, Update: 5 }, itemsByCommand: { Query: 0, BatchWrite: 60, Update: 5 } },
      1,
    );
    expect(Object.fromEntries(kinds.map(({ command, items }) => [command, items]))).toEqual({ Query: 1, BatchWrite: 25, Update: 1 });
  });

  it('leaves out commands the burst did not send', () => {
    expect(publishRequestKinds({ byCommand: { Get: 0, Update: 3 }, itemsByCommand: { Update: 3 } }, 3).map(({ command }) => command)).toEqual([
      'Update',
    ]);
  });
});

const measured: RequestCosts = {
  idle: { jvmMsPerSecond: 40, nodeMsPerSecond: 30 },
  costs: [
    { kind: { command: 'Update', perPublish: 14, items: 1 }, jvmMs: 1.5, nodeMs: 0.8 },
    { kind: { command: 'TransactWrite', perPublish: 4, items: 4 }, jvmMs: 4.5, nodeMs: 1.2 },
  ],
  streamRecord: { jvmMs: 0.1, nodeMs: 0.05 },
  unpriced: [{ command: 'Scan', perPublish: 0.5, items: 3 }],
};

describe('request costs against the CPU per publish', () => {
  it('sums requests per publish × cost, the stream records written × their read, and the idle rate over the burst per publish', () => {
    expect(reconcileRequestCosts(measured, { seconds: 20, publishes: 100, jvmMsPerPublish: 50, itemsWrittenPerPublish: 30 })).toEqual({
      requestsMs: 14 * 1.5 + 4 * 4.5,
      streamMs: 30 * 0.1,
      pollersMs: (40 * 20) / 100,
      measuredMs: 50,
    });
  });

  it('prints each kind, the unpriced ones, and the sum against the measured CPU per publish', () => {
    const line = describeRequestCosts(measured, { requestsMs: 39, streamMs: 3, pollersMs: 8, measuredMs: 100 });
    expect(line).toContain('Update ×14.0: 1.5 / 0.8, TransactWrite of 4 items ×4.0: 4.5 / 1.2 (not priced: Scan of 3 items ×0.5)');
    expect(line).toContain('= 50 ms vs measured JVM 100 ms per publish (50%)');
  });
});
