import { Stack, type RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { alertFilterPolicy } from '../../shared/domain/subscriptions/alert-filter-policy';
import type { AlertSubscription } from '../config/stage-config';
import type { WildcardAcknowledgment } from '../nag/wildcard-acknowledgments';

/** The key actions `grantPublish` adds for an encrypted topic. */
export const TOPIC_KEY_WILDCARD: WildcardAcknowledgment = {
  finding: /^Action::kms:GenerateDataKey\*$/,
  reason: 'Publishing to a KMS-encrypted topic needs the GenerateDataKey variants, on the topics key only.',
};

const CLOUDWATCH_PRINCIPAL = 'cloudwatch.amazonaws.com';

/** Confused-deputy guard: only CloudWatch alarms of this stack's account and region. */
function cloudWatchAlarmConditions(stack: Stack): Record<string, Record<string, string>> {
  return {
    StringEquals: { 'aws:SourceAccount': stack.account },
    ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:*` },
  };
}

/** Properties of {@link Notifications}. */
export interface NotificationsProps {
  /** Reader email subscriptions to the alerts topic. @default - none */
  readonly alertSubscriptions?: readonly AlertSubscription[];
  /** Editors emailed about rejected drafts. @default - none */
  readonly editorEmails?: readonly string[];
  /** Operators emailed by the alarms. @default - none */
  readonly opsEmails?: readonly string[];
  /** Removal policy of the key. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The pipeline's topics, all encrypted with one customer-managed key that
 * rotates: subscriber alerts, editors' draft reports, and operator alarms.
 */
export class Notifications extends Construct {
  /** Encrypts every topic. */
  readonly key: Key;
  /** Subscriber alerts, with message attributes from `ALERT_ATTRIBUTES`. */
  readonly alertsTopic: Topic;
  /** Reports on rejected drafts, for editors. */
  readonly editorsTopic: Topic;
  /** Alarm notifications, for operators. */
  readonly opsTopic: Topic;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the newsroom topics',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    // CloudWatch alarms publish to the encrypted ops topic as the service itself, for this account's alarms only.
    const alarmsOfThisAccount = cloudWatchAlarmConditions(Stack.of(this));
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(CLOUDWATCH_PRINCIPAL)],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: alarmsOfThisAccount,
      }),
    );
    const topic = (topicId: string, displayName: string): Topic => new Topic(this, topicId, { displayName, masterKey: this.key, enforceSSL: true });
    this.alertsTopic = topic('AlertsTopic', 'Newsroom alerts');
    this.editorsTopic = topic('EditorsTopic', 'Newsroom draft reports');
    this.opsTopic = topic('OpsTopic', 'Newsroom operations');
    // enforceSSL replaces SNS's default topic policy, so the alarms' publish right is stated here.
    this.opsTopic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(CLOUDWATCH_PRINCIPAL)],
        actions: ['sns:Publish'],
        resources: [this.opsTopic.topicArn],
        conditions: alarmsOfThisAccount,
      }),
    );

    for (const subscription of props.alertSubscriptions ?? []) {
      this.alertsTopic.addSubscription(new EmailSubscription(subscription.email, { filterPolicy: subscriptionFilters(subscription) }));
    }
    for (const email of props.editorEmails ?? []) this.editorsTopic.addSubscription(new EmailSubscription(email));
    for (const email of props.opsEmails ?? []) this.opsTopic.addSubscription(new EmailSubscription(email));
  }
}

/**
 * The SNS filter policy of one alert subscription (the one `alertFilterPolicy`
 * that `newsroom subscribe` also uses), as CDK subscription filters. An absent
 * criterion does not filter.
 */
function subscriptionFilters(subscription: AlertSubscription): Record<string, SubscriptionFilter> {
  const policy = alertFilterPolicy(subscription) ?? {};
  return Object.fromEntries(Object.entries(policy).map(([attribute, allowlist]) => [attribute, SubscriptionFilter.stringFilter({ allowlist })]));
}
