import { createHash } from 'node:crypto';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PUSH_INTEREST_PREFIX, SUBSCRIBER_INDEXES } from '../../events/subscriber-names';
import { readerInterestKeys, type ReaderPreferences } from '../domain/subscriptions/interests';
import { putAll, queryInterest } from './subscriber-store';

/** A browser's push subscription as stored: its endpoint, encryption keys and choices; nothing about the person. */
export interface PushSubscriber extends ReaderPreferences {
  readonly id: string;
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
}

/** The web-push side of the subscriber table. */
export interface PushSubscriptionStore {
  /** Registers (or re-registers with new choices) a browser subscription. @returns its id. */
  put(subscription: Omit<PushSubscriber, 'id'>): Promise<string>;
  /** Forgets a subscription and its interest items. @returns false when there was none. */
  remove(id: string): Promise<boolean>;
  get(id: string): Promise<PushSubscriber | undefined>;
  /** Registers many new subscriptions at once (seeding, imports): plain batch writes, no check for earlier choices. */
  importAll(subscriptions: ReadonlyArray<Omit<PushSubscriber, 'id'>>): Promise<void>;
  /** One page of the subscriptions under an interest partition (unprefixed key). */
  pageInterest(key: string, cursor?: Record<string, unknown>): Promise<{ recipients: PushSubscriber[]; next?: Record<string, unknown> }>;
}

/** The id of a push subscription: a hash of its endpoint. */
export const pushIdFor = (endpoint: string) => createHash('sha256').update(endpoint).digest('base64url').slice(0, 32);

const index = SUBSCRIBER_INDEXES.byInterest;
const itemKey = (id: string) => ({ PK: `PUSH#${id}`, SK: 'PROFILE' });

/** Creates the push-subscription store over the subscriber table. */
export function createPushSubscriptionStore({ client, tableName }: { client: DynamoDBDocumentClient; tableName: string }): PushSubscriptionStore {
  const get = async (id: string): Promise<PushSubscriber | undefined> => {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: itemKey(id), ConsistentRead: true }));
    if (!Item) return undefined;
    return {
      id,
      endpoint: String(Item.endpoint),
      p256dh: String(Item.p256dh),
      auth: String(Item.auth),
      sections: (Item.sections as string[] | undefined) ?? [],
      tags: (Item.tags as string[] | undefined) ?? [],
      breakingOnly: Item.breakingOnly === true,
    };
  };
  const interestDeletes = (sub: PushSubscriber) =>
    readerInterestKeys(sub).map((key) => ({ Delete: { TableName: tableName, Key: { PK: `PUSH#${sub.id}`, SK: `INTEREST#${key}` } } }));
  const profileItem = ({ id, ...sub }: PushSubscriber) => ({ ...itemKey(id), ...sub, sections: [...sub.sections], tags: [...sub.tags] });
  const interestItems = (sub: PushSubscriber) =>
    readerInterestKeys(sub).map((key) => ({
      PK: `PUSH#${sub.id}`,
      SK: `INTEREST#${key}`,
      [index.partitionKey]: `${PUSH_INTEREST_PREFIX}${key}`,
      [index.sortKey]: sub.id,
      endpoint: sub.endpoint,
      p256dh: sub.p256dh,
      auth: sub.auth,
    }));
  return {
    get,
    async importAll(subscriptions) {
      const subs = subscriptions.map((sub) => ({ ...sub, id: pushIdFor(sub.endpoint) }));
      await putAll(
        { client, tableName },
        subs.flatMap((sub) => [profileItem(sub), ...interestItems(sub)]),
      );
    },
    async put(subscription) {
      const id = pushIdFor(subscription.endpoint);
      const before = await get(id);
      const next = { ...subscription, id };
      const puts = interestItems(next).map((Item) => ({ Put: { TableName: tableName, Item } }));
      const kept = new Set(puts.map((p) => p.Put.Item.SK));
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: { TableName: tableName, Item: profileItem(next) },
            },
            ...(before ? interestDeletes(before).filter((d) => !kept.has(d.Delete.Key.SK)) : []),
            ...puts,
          ],
        }),
      );
      return id;
    },
    async remove(id) {
      const before = await get(id);
      if (!before) return false;
      await client.send(
        new TransactWriteCommand({ TransactItems: [{ Delete: { TableName: tableName, Key: itemKey(id) } }, ...interestDeletes(before)] }),
      );
      return true;
    },
    async pageInterest(key, cursor) {
      const { items, next } = await queryInterest({ client, tableName }, `${PUSH_INTEREST_PREFIX}${key}`, cursor);
      return {
        recipients: items.map((item) => ({
          id: String(item[index.sortKey]),
          endpoint: String(item.endpoint),
          p256dh: String(item.p256dh),
          auth: String(item.auth),
          sections: [],
          tags: [],
          breakingOnly: false,
        })),
        ...(next ? { next } : {}),
      };
    },
  };
}
