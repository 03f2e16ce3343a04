import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** DynamoDB requests and capacity counted in this process, by kind. */
export interface RequestCounts {
  readonly reads: number;
  readonly writes: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  /** Items written: one per Put, Update or Delete, each action of a transaction (not a condition check) or batch write. */
  readonly itemsWritten: number;
  /** Items returned by reads (Query and Scan counts, Get, BatchGet and TransactGet answers). */
  readonly itemsRead: number;
  readonly byCommand: Readonly<Record<string, number>>;
  /** Items read or written by each command's requests, as {@link itemsWritten} and {@link itemsRead} count them. */
  readonly itemsByCommand: Readonly<Record<string, number>>;
  /** Requests by command and the kind of item they touch (the partition key's prefix, or the index), e.g. `Query RELTERM`. */
  readonly byTarget: Readonly<Record<string, number>>;
  /** Write capacity units by the same command and item kind. */
  readonly writeUnitsByTarget: Readonly<Record<string, number>>;
  /** Of those, the units spent on the copies in global secondary indexes (DynamoDB bills an index copy like an item). */
  readonly indexWriteUnitsByTarget: Readonly<Record<string, number>>;
}

/** The capacity report the counter asks of every data request (the scratch table's requests ask the same, to cost alike). */
export const COUNTED_CAPACITY = 'INDEXES';

const READS = new Set(['Get', 'BatchGet', 'Query', 'Scan', 'TransactGet']);
const WRITES = new Set(['Put', 'Update', 'Delete', 'BatchWrite', 'TransactWrite']);
const kindOf = (name: string) => name.replace(/(Item)?Command$/, '');

/** The item kind of a partition key value: its prefix before the first `#` (`LIST#home` → `LIST`). */
const prefixOf = (value: unknown) => (typeof value === 'string' ? (value.split('#')[0] ?? value) : '?');

type Action = Record<string, { Key?: Record<string, unknown>; Item?: Record<string, unknown> }>;

/** What a request touches: the partition key prefixes of its items, or the index it queries. */
function targetOf(input: Record<string, unknown>): string {
  if (typeof input.IndexName === 'string') return input.IndexName;
  const values = input.ExpressionAttributeValues as Record<string, unknown> | undefined;
  if (values?.[':pk'] !== undefined) return prefixOf(values[':pk']);
  const key = (input.Key ?? input.Item) as Record<string, unknown> | undefined;
  if (key) return prefixOf(key.PK);
  const transact = input.TransactItems as Action[] | undefined;
  const requests = input.RequestItems as Record<string, { Keys?: Array<Record<string, unknown>> } | Action[]> | undefined;
  const pks: unknown[] = [];
  for (const action of transact ?? []) for (const part of Object.values(action)) pks.push((part.Key ?? part.Item)?.PK);
  for (const table of Object.values(requests ?? {})) {
    if (Array.isArray(table)) for (const action of table) for (const part of Object.values(action)) pks.push((part.Key ?? part.Item)?.PK);
    else for (const keys of table.Keys ?? []) pks.push(keys.PK);
  }
  return [...new Set(pks.map(prefixOf))].sort().join('+') || '?';
}

/** Items a write request writes (see {@link RequestCounts.itemsWritten}). */
function itemsOf(name: string, input: Record<string, unknown>): number {
  if (name === 'TransactWrite') return (input.TransactItems as Action[]).filter((action) => !('ConditionCheck' in action)).length;
  if (name === 'BatchWrite') return Object.values(input.RequestItems as Record<string, unknown[]>).reduce((total, list) => total + list.length, 0);
  return 1;
}

interface ReadOutput {
  readonly Count?: number;
  readonly Item?: unknown;
  readonly Responses?: Record<string, unknown[]> | unknown[];
}

/** Items a read returned (see {@link RequestCounts.itemsRead}). */
function itemsReturned(output: ReadOutput): number {
  if (typeof output.Count === 'number') return output.Count;
  if (Array.isArray(output.Responses)) return output.Responses.length;
  if (output.Responses) return Object.values(output.Responses).reduce((total, list) => total + list.length, 0);
  return output.Item ? 1 : 0;
}

interface Capacity {
  readonly CapacityUnits?: number;
  readonly ReadCapacityUnits?: number;
  readonly WriteCapacityUnits?: number;
  readonly GlobalSecondaryIndexes?: Record<string, { readonly CapacityUnits?: number; readonly WriteCapacityUnits?: number }>;
}

/**
 * Counts every DynamoDB request the functions of an in-process local stack
 * send (each request, not each item), and the capacity units DynamoDB Local
 * reports for them (`ReturnConsumedCapacity: INDEXES` is added to each data
 * request). Stream reads and table management are not counted.
 */
export function countDynamoDbRequests(): { snapshot(): RequestCounts; stop(): void } {
  const byCommand = new Map<string, number>();
  const itemsByCommand = new Map<string, number>();
  const byTarget = new Map<string, number>();
  const writeUnitsByTarget = new Map<string, number>();
  const indexWriteUnitsByTarget = new Map<string, number>();
  let itemsWritten = 0;
  let itemsRead = 0;
  let readUnits = 0;
  let writeUnits = 0;
  const restore: Array<() => void> = [];
  for (const client of [DynamoDBClient, DynamoDBDocumentClient] as Array<{ prototype: { send: (...args: unknown[]) => Promise<unknown> } }>) {
    const original = client.prototype.send;
    client.prototype.send = async function (this: unknown, command: unknown, ...rest: unknown[]) {
      const name = kindOf((command as { constructor: { name: string } }).constructor.name);
      const data = READS.has(name) || WRITES.has(name);
      const input = (command as { input: Record<string, unknown> }).input;
      const target = `${name} ${data ? targetOf(input) : ''}`;
      if (data) {
        byCommand.set(name, (byCommand.get(name) ?? 0) + 1);
        byTarget.set(target, (byTarget.get(target) ?? 0) + 1);
        if (WRITES.has(name)) {
          const items = itemsOf(name, input);
          itemsWritten += items;
          itemsByCommand.set(name, (itemsByCommand.get(name) ?? 0) + items);
        }
        input.ReturnConsumedCapacity ??= COUNTED_CAPACITY;
      }
      const output = (await original.call(this, command, ...rest)) as { ConsumedCapacity?: Capacity | Capacity[] } & ReadOutput;
      if (READS.has(name)) {
        const items = itemsReturned(output);
        itemsRead += items;
        itemsByCommand.set(name, (itemsByCommand.get(name) ?? 0) + items);
      }
      if (data) {
        for (const capacity of [output?.ConsumedCapacity ?? []].flat()) {
          const units = capacity.CapacityUnits ?? 0;
          if (READS.has(name)) readUnits += capacity.ReadCapacityUnits ?? units;
          else {
            const written = capacity.WriteCapacityUnits ?? units;
            writeUnits += written;
            writeUnitsByTarget.set(target, (writeUnitsByTarget.get(target) ?? 0) + written);
            const copies = Object.values(capacity.GlobalSecondaryIndexes ?? {}).reduce(
              (total, index) => total + (index.WriteCapacityUnits ?? index.CapacityUnits ?? 0),
              0,
            );
            indexWriteUnitsByTarget.set(target, (indexWriteUnitsByTarget.get(target) ?? 0) + copies);
          }
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
      return {
        reads: sum(READS),
        writes: sum(WRITES),
        readUnits,
        writeUnits,
        itemsWritten,
        itemsRead,
        byCommand: Object.fromEntries(entries),
        itemsByCommand: Object.fromEntries(itemsByCommand),
        byTarget: Object.fromEntries(byTarget),
        writeUnitsByTarget: Object.fromEntries(writeUnitsByTarget),
        indexWriteUnitsByTarget: Object.fromEntries(indexWriteUnitsByTarget),
      };
    },
    stop() {
      for (const undo of restore) undo();
    },
  };
}

/** `a - b`, per field. */
export function requestsBetween(after: RequestCounts, before: RequestCounts): RequestCounts {
  const minus = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) =>
    Object.fromEntries(Object.entries(a).map(([name, count]) => [name, count - (b[name] ?? 0)]));
  return {
    reads: after.reads - before.reads,
    writes: after.writes - before.writes,
    readUnits: after.readUnits - before.readUnits,
    writeUnits: after.writeUnits - before.writeUnits,
    itemsWritten: after.itemsWritten - before.itemsWritten,
    itemsRead: after.itemsRead - before.itemsRead,
    byCommand: minus(after.byCommand, before.byCommand),
    itemsByCommand: minus(after.itemsByCommand, before.itemsByCommand),
    byTarget: minus(after.byTarget, before.byTarget),
    writeUnitsByTarget: minus(after.writeUnitsByTarget, before.writeUnitsByTarget),
    indexWriteUnitsByTarget: minus(after.indexWriteUnitsByTarget, before.indexWriteUnitsByTarget),
  };
}

const perPublish = (publishes: number) => (value: number) => (value / Math.max(publishes, 1)).toFixed(1);

function describeCounts(counts: Readonly<Record<string, number>>, per: (value: number) => string, min = 0): string {
  return Object.entries(counts)
    .filter(([, count]) => count > 0 && Number(per(count)) >= min)
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ${per(count)}`)
    .join(', ');
}

/** One line: requests and units per publish. */
export function describePerPublish(counts: RequestCounts, publishes: number): string {
  const per = perPublish(publishes);
  return `${per(counts.reads)} reads (${per(counts.readUnits)} RCU, ${per(counts.itemsRead)} items), ${per(counts.writes)} writes (${per(counts.writeUnits)} WCU, ${per(counts.itemsWritten)} items) per publish [${describeCounts(counts.byCommand, per)}]`;
}

/** One line: requests per publish by command and item kind (see {@link RequestCounts.byTarget}), those of at least 0.1. */
export function describeTargetsPerPublish(counts: RequestCounts, publishes: number): string {
  return describeCounts(counts.byTarget, perPublish(publishes), 0.1);
}

/** One line: write capacity units per publish by command and item kind, those of at least 0.5, and the index copies' share. */
export function describeWriteUnitsPerPublish(counts: RequestCounts, publishes: number): string {
  const per = perPublish(publishes);
  const copies = Object.values(counts.indexWriteUnitsByTarget).reduce((total, units) => total + units, 0);
  const copiesByTarget = describeCounts(counts.indexWriteUnitsByTarget, per, 0.5);
  return `${describeCounts(counts.writeUnitsByTarget, per, 0.5)}; of all these, ${per(copies)} WCU are global secondary index copies${copiesByTarget ? ` (${copiesByTarget})` : ''}`;
}
