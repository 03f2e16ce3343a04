import { randomUUID } from 'node:crypto';
import { validateFilterPolicy } from '../filters/filter-policy';
import { findSubscription, findTopic, LOCAL_ACCOUNT_ID, pageOf, type ActionContext, type ActionHandler } from './action-context';
import { SUPPORTED_PROTOCOLS } from './message-structure';
import { findEndpoint } from './platform-actions';
import { invalidParameter } from './sns-api-error';
import type { SnsSubscription } from './sns-state';
import { el, entries, members, type XmlElement } from './xml-response';

/** The only filter policy scope the local endpoint applies. */
const MESSAGE_ATTRIBUTES_SCOPE = 'MessageAttributes';

/** Subscription attributes accepted and stored locally; the others AWS knows are accepted and ignored. */
const IGNORED_ATTRIBUTES = new Set(['DeliveryPolicy', 'RedrivePolicy', 'SubscriptionRoleArn', 'ReplayPolicy']);

/** The changes a set of subscription attributes makes, validated. */
interface AttributeChanges {
  filterPolicy?: string | undefined;
  rawMessageDelivery?: boolean;
}

function readAttributeChanges(attributes: ReadonlyMap<string, string>): AttributeChanges {
  const changes: AttributeChanges = {};
  for (const [name, value] of attributes) {
    if (name === 'FilterPolicy') {
      changes.filterPolicy = checkedFilterPolicy(value);
    } else if (name === 'FilterPolicyScope') {
      if (value !== MESSAGE_ATTRIBUTES_SCOPE) {
        throw invalidParameter(`FilterPolicyScope: only ${MESSAGE_ATTRIBUTES_SCOPE} is supported by the local SNS endpoint, got "${value}"`);
      }
    } else if (name === 'RawMessageDelivery') {
      if (value !== 'true' && value !== 'false') throw invalidParameter('RawMessageDelivery must be true or false');
      changes.rawMessageDelivery = value === 'true';
    } else if (!IGNORED_ATTRIBUTES.has(name)) {
      throw invalidParameter(`Attributes Reason: Unknown attribute ${name}`);
    }
  }
  return changes;
}

/** The policy text to store (undefined removes the policy). @throws SnsApiError InvalidParameter */
function checkedFilterPolicy(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch {
    throw invalidParameter('FilterPolicy: failed to parse JSON');
  }
  const problem = validateFilterPolicy(policy);
  if (problem !== null) throw invalidParameter(`FilterPolicy: ${problem}`);
  return text;
}

function applyChanges(subscription: SnsSubscription, changes: AttributeChanges): void {
  if ('filterPolicy' in changes) {
    if (changes.filterPolicy === undefined) delete subscription.filterPolicy;
    else subscription.filterPolicy = changes.filterPolicy;
  }
  if (changes.rawMessageDelivery !== undefined) subscription.rawMessageDelivery = changes.rawMessageDelivery;
}

/**
 * Subscribe: confirmed at once. The same topic, protocol and endpoint again
 * returns the existing subscription, with the given attributes applied.
 */
export const subscribe: ActionHandler = async (params, context) => {
  const topic = findTopic(context, params.require('TopicArn'));
  const protocol = params.require('Protocol');
  if (!SUPPORTED_PROTOCOLS.has(protocol)) throw invalidParameter(`Invalid protocol type: ${protocol}`);
  const endpoint = params.require('Endpoint');
  if (protocol === 'application' && endpoint.startsWith('arn:') && !findEndpoint(context, endpoint)) {
    throw invalidParameter('Endpoint Reason: not an existing platform endpoint');
  }
  const changes = readAttributeChanges(params.map('Attributes'));
  const { subscriptions } = context.store.state;
  let subscription = subscriptions.find((s) => s.topicArn === topic.arn && s.protocol === protocol && s.endpoint === endpoint);
  if (!subscription) {
    const id = randomUUID();
    subscription = { arn: `${topic.arn}:${id}`, id, topicArn: topic.arn, protocol, endpoint, rawMessageDelivery: false };
    subscriptions.push(subscription);
  }
  applyChanges(subscription, changes);
  await context.store.save();
  return [el('SubscriptionArn', subscription.arn)];
};

/** Unsubscribe. */
export const unsubscribe: ActionHandler = async (params, context) => {
  const subscription = findSubscription(context, params.require('SubscriptionArn'));
  const { state } = context.store;
  state.subscriptions = state.subscriptions.filter((s) => s !== subscription);
  await context.store.save();
  return undefined;
};

function subscriptionList(items: readonly SnsSubscription[], nextToken: string | undefined): XmlElement[] {
  const page = pageOf(items, nextToken);
  return [
    el(
      'Subscriptions',
      members(page.items, (s) => [
        el('SubscriptionArn', s.arn),
        el('Owner', LOCAL_ACCOUNT_ID),
        el('Protocol', s.protocol),
        el('Endpoint', s.endpoint),
        el('TopicArn', s.topicArn),
      ]),
    ),
    el('NextToken', page.nextToken),
  ];
}

/** ListSubscriptions, 100 per page. */
export const listSubscriptions: ActionHandler = async (params, context) =>
  subscriptionList(context.store.state.subscriptions, params.get('NextToken'));

/** ListSubscriptionsByTopic, 100 per page. */
export const listSubscriptionsByTopic: ActionHandler = async (params, context) => {
  const topic = findTopic(context, params.require('TopicArn'));
  const ofTopic = context.store.state.subscriptions.filter((s) => s.topicArn === topic.arn);
  return subscriptionList(ofTopic, params.get('NextToken'));
};

function subscriptionAttributes(subscription: SnsSubscription): Record<string, string> {
  return {
    SubscriptionArn: subscription.arn,
    TopicArn: subscription.topicArn,
    Owner: LOCAL_ACCOUNT_ID,
    Protocol: subscription.protocol,
    Endpoint: subscription.endpoint,
    ConfirmationWasAuthenticated: 'true',
    PendingConfirmation: 'false',
    RawMessageDelivery: String(subscription.rawMessageDelivery),
    ...(subscription.filterPolicy === undefined ? {} : { FilterPolicy: subscription.filterPolicy, FilterPolicyScope: MESSAGE_ATTRIBUTES_SCOPE }),
  };
}

/** GetSubscriptionAttributes. */
export const getSubscriptionAttributes: ActionHandler = async (params, context) => {
  const subscription = findSubscription(context, params.require('SubscriptionArn'));
  return [el('Attributes', entries(subscriptionAttributes(subscription)))];
};

/** SetSubscriptionAttributes: FilterPolicy (empty removes it), FilterPolicyScope, RawMessageDelivery. */
export const setSubscriptionAttributes: ActionHandler = async (params, context: ActionContext) => {
  const subscription = findSubscription(context, params.require('SubscriptionArn'));
  const name = params.require('AttributeName');
  applyChanges(subscription, readAttributeChanges(new Map([[name, params.get('AttributeValue') ?? '']])));
  await context.store.save();
  return undefined;
};
