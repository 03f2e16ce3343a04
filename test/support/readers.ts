import { createHash } from 'node:crypto';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createSubscriberStore } from '../../shared/adapters/subscriber-store';
import type { ReaderPreferences } from '../../shared/domain/subscriptions/interests';
import { dynamoDbClient } from './aws-env';
import { endpoints } from './local-stack-client';

/** The subscriber store of the running local stack. */
export const subscriberStore = () =>
  createSubscriberStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName: endpoints().subscriberTableName });

/** Adds a confirmed email reader straight to the store (tests that are not about signing up). */
export async function addConfirmedReader(email: string, preferences: ReaderPreferences): Promise<string> {
  const id = createHash('sha256').update(email).digest('hex').slice(0, 32);
  const store = subscriberStore();
  await store.upsertPending({ id, email, ...preferences }, new Date());
  await store.activate(id, new Date());
  return id;
}
