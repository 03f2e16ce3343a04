import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** DynamoDB requests and capacity counted in this process, by kind. */
export interface RequestCounts {
  readonly reads: number;
  readonly writes: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  readonly byCommand: Readonly<Record<string, number>>;
}

const READS = new Set(['Get', 'BatchGet', 'Query', 'Scan', 'TransactGet']);
const WRITES = new Set(['Put', 'Update', 'Delete', 'BatchWrite', 'TransactWrite']);
const kindOf = (name: string) => name.replace(/(Item)?Command$/, '');

interface Capacity {
  readonly CapacityUnits?: number;
  readonly ReadCapacityUnits?: number;
  readonly WriteCapacityUnits?: number;
}

/**
 * Counts every DynamoDB request the functions of an in-process local stack
 * send (each request, not each item), and the capacity units DynamoDB Local
 * reports for them (`ReturnConsumedCapacity: TOTAL` is added to each data
 * request). Stream reads and table management are not counted.
 */
export function countDynamoDbRequests(): { snapshot(): RequestCounts; stop(): void } {
  const byCommand = new Map<string, number>();
  let readUnits = 0;
  let writeUnits = 0;
  const restore: Array<() => void> = [];
  for (const client of [DynamoDBClient, DynamoDBDocumentClient] as Array<{ prototype: { send: (...args: unknown[]) => Promise<unknown> } }>) {
    const original = client.prototype.send;
    client.prototype.send = async function (this: unknown, command: unknown, ...rest: unknown[]) {
      const name = kindOf((command as { constructor: { name: string } }).constructor.name);
      const data = READS.has(name) || WRITES.has(name);
      if (data) {
        byCommand.set(name, (byCommand.get(name) ?? 0) + 1);
        (command as { input: Record<string, unknown> }).input.ReturnConsumedCapacity ??= 'TOTAL';
      }
      const output = (await original.call(this, command, ...rest)) as { ConsumedCapacity?: Capacity | Capacity[] };
      if (data) {
        for (const capacity of [output?.ConsumedCapacity ?? []].flat()) {
          const units = capacity.CapacityUnits ?? 0;
          if (READS.has(name)) readUnits += capacity.ReadCapacityUnits ?? units;
          else writeUnits += capacity.WriteCapacityUnits ?? units;
        }
      }
      return output;
    };
    restore.push(() => {
      client.prototype.send = original;
    });
  }
  return {
    snapshot() {
      const entries = [...byCommand];
      const sum = (kinds: Set<string>) => entries.filter(([name]) => kinds.has(name)).reduce((total, [, count]) => total + count, 0);
      return { reads: sum(READS), writes: sum(WRITES), readUnits, writeUnits, byCommand: Object.fromEntries(entries) };
    },
    stop() {
      for (const undo of restore) undo();
    },
  };
}

/** `a - b`, per field. */
export function requestsBetween(after: RequestCounts, before: RequestCounts): RequestCounts {
  const byCommand: Record<string, number> = {};
  for (const [name, count] of Object.entries(after.byCommand)) byCommand[name] = count - (before.byCommand[name] ?? 0);
  return {
    reads: after.reads - before.reads,
    writes: after.writes - before.writes,
    readUnits: after.readUnits - before.readUnits,
    writeUnits: after.writeUnits - before.writeUnits,
    byCommand,
  };
}

/** One line: requests and units per publish. */
export function describePerPublish(counts: RequestCounts, publishes: number): string {
  const per = (value: number) => (value / Math.max(publishes, 1)).toFixed(1);
  const commands = Object.entries(counts.byCommand)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ${per(count)}`)
    .join(', ');
  return `${per(counts.reads)} reads (${per(counts.readUnits)} RCU), ${per(counts.writes)} writes (${per(counts.writeUnits)} WCU) per publish [${commands}]`;
}
