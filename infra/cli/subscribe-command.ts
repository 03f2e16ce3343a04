import { GetSubscriptionAttributesCommand, ListSubscriptionsByTopicCommand, type SNSClient } from '@aws-sdk/client-sns';

/** The alerts topic a subscription command acts on. */
export interface AlertsTopic {
  readonly sns: SNSClient;
  readonly alertsTopicArn: string;
}

/** One subscriber as `newsroom subscribers` lists it. */
export interface SubscriberRow {
  readonly protocol: string;
  readonly endpoint: string;
  readonly filterPolicy?: string;
  readonly subscriptionArn: string;
}

/** Every subscription of the alerts topic, with its filter policy. */
export async function listSubscribers(topic: AlertsTopic): Promise<SubscriberRow[]> {
  const rows: SubscriberRow[] = [];
  let NextToken: string | undefined;
  do {
    const page = await topic.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topic.alertsTopicArn, NextToken }));
    for (const subscription of page.Subscriptions ?? []) {
      const arn = subscription.SubscriptionArn ?? '';
      const confirmed = arn.startsWith('arn:');
      const attributes = confirmed ? (await topic.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }))).Attributes : undefined;
      rows.push({
        protocol: subscription.Protocol ?? '',
        endpoint: subscription.Endpoint ?? '',
        filterPolicy: attributes?.FilterPolicy,
        subscriptionArn: arn,
      });
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return rows;
}

/** One line per subscriber. */
export function describeSubscribers(rows: readonly SubscriberRow[]): string {
  if (rows.length === 0) return 'No subscribers.';
  return rows.map((row) => `${row.protocol}:${row.endpoint}  ${row.filterPolicy ?? '(every alert)'}`).join('\n');
}
