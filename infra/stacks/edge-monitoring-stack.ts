import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { CdnErrorAlarm } from '../constructs/cdn-error-alarm';

/** Properties of an {@link EdgeMonitoringStack}. */
export interface EdgeMonitoringStackProps extends StackProps {
  /** The stage's distribution (a cross-region reference from its data stack). */
  readonly distribution: Distribution;
  /** Operators to e-mail, as the stage's ops topic does. */
  readonly opsEmails: readonly string[];
}

/**
 * The CloudFront alarms of a stage deployed outside us-east-1: CloudFront
 * metrics exist only in us-east-1 and an alarm can only notify a topic in its
 * own region, so this stack has its own encrypted ops topic with the stage's
 * operators subscribed.
 */
export class EdgeMonitoringStack extends Stack {
  readonly opsTopic: Topic;
  readonly cdnErrors: CdnErrorAlarm;

  constructor(scope: Construct, id: string, props: EdgeMonitoringStackProps) {
    super(scope, id, props);
    const key = new Key(this, 'Key', { description: 'Encrypts the newsroom edge ops topic', enableKeyRotation: true });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.opsTopic = new Topic(this, 'OpsTopic', { displayName: 'Newsroom edge operations', masterKey: key, enforceSSL: true });
    for (const email of props.opsEmails) this.opsTopic.addSubscription(new EmailSubscription(email));
    this.cdnErrors = new CdnErrorAlarm(this, 'CdnErrors', { distribution: props.distribution, topic: this.opsTopic });
  }
}
