import type { SnsDelivery } from './outbox';
import type { QueryParams } from './query-params';
import { invalidParameter, notFound } from './sns-api-error';
import type { SnsStateStore, SnsSubscription, SnsTopic } from './sns-state';
import type { XmlElement } from './xml-response';

/** The region in local ARNs. */
export const LOCAL_REGION = 'us-east-1';
/** The account in local ARNs and the owner of every subscription. */
export const LOCAL_ACCOUNT_ID = '000000000000';

/** What every action handler works with. */
export interface ActionContext {
  readonly store: SnsStateStore;
  readonly outboxDir: string;
  readonly onDelivery?: (delivery: SnsDelivery, file: string) => void;
  readonly now: () => Date;
}

/** Handles one action; returns the children of `<ActionResult>`, or undefined for actions without a result. */
export type ActionHandler = (params: QueryParams, context: ActionContext) => Promise<XmlElement[] | undefined>;

/** The ARN of a local topic. */
export function topicArnFor(name: string): string {
  return `arn:aws:sns:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${name}`;
}

/** The topic with this ARN. @throws SnsApiError NotFound */
export function findTopic(context: ActionContext, arn: string): SnsTopic {
  const topic = context.store.state.topics.find((t) => t.arn === arn);
  if (!topic) throw notFound('Topic does not exist');
  return topic;
}

/** The subscription with this ARN. @throws SnsApiError NotFound */
export function findSubscription(context: ActionContext, arn: string): SnsSubscription {
  const subscription = context.store.state.subscriptions.find((s) => s.arn === arn);
  if (!subscription) throw notFound('Subscription does not exist');
  return subscription;
}

/** Page size of the List actions, as on AWS. */
export const LIST_PAGE_SIZE = 100;

/**
 * One page of a list. The NextToken is the offset of the next page.
 * @throws SnsApiError InvalidParameter for a token this endpoint did not issue.
 */
export function pageOf<T>(items: readonly T[], nextToken: string | undefined): { items: T[]; nextToken?: string } {
  const start = nextToken === undefined ? 0 : Number(nextToken);
  if (!Number.isInteger(start) || start < 0) throw invalidParameter('NextToken is invalid');
  const end = start + LIST_PAGE_SIZE;
  return { items: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
}
