import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config';
import { STAGE_OUTPUT_KEYS } from '../config/stage-outputs';
import { AccessLogs } from '../constructs/access-logs';
import { ArticleStore } from '../constructs/article-store';
import { CostBudget } from '../constructs/cost-budget';
import { CustomDomain } from '../constructs/custom-domain';
import { DataParameters } from '../constructs/data-references';
import { Intake } from '../constructs/intake';
import { Notifications } from '../constructs/notifications';
import { PublishSchedules } from '../constructs/publish-schedules';
import { PrivateBucket } from '../constructs/private-bucket';
import { SiteDelivery } from '../constructs/site-delivery';
import { SubscriberTable } from '../constructs/subscriber-table';
import { SubscriptionApi } from '../constructs/subscription-api';
import type { EdgeStack } from './edge-stack';

/** Days a stream failure record waits for `newsroom redrive` before it expires. */
export const STREAM_FAILURE_RETENTION_DAYS = 30;

/** Properties of a {@link DataStack}. */
export interface DataStackProps extends StackProps {
  readonly config: StageConfig;
  /** The stage's us-east-1 certificate and web ACL, when it has a domain or WAF. */
  readonly edge?: EdgeStack;
}

/**
 * The stateful half of a stage: access logs, the drafts bucket and intake
 * queues, the article table, the topics and their key, the publish
 * schedules (group, target queue, scheduler role), and the site bucket
 * with the distribution (kept together because the bucket policy names the
 * distribution). Its outputs are what `newsroom publish` resolves; what the
 * App stack needs it writes to SSM parameters (`DataParameters`), never to
 * exports, so changing a value (a custom domain) cannot be refused.
 */
export class DataStack extends Stack {
  readonly accessLogs: AccessLogs;
  readonly intake: Intake;
  readonly articleStore: ArticleStore;
  readonly notifications: Notifications;
  readonly site: SiteDelivery;
  /** Readers and their choices; only when the stage configures `readers`. */
  readonly subscribers?: SubscriberTable;
  /** The HTTP API behind `/api/*`; only when the stage configures `readers` (App adds its route). */
  readonly subscriptionApi?: SubscriptionApi;
  readonly publishSchedules: PublishSchedules;
  /** Stream batches the consumers gave up on, with their records (Lambda's S3 on-failure destination). */
  readonly streamFailures: PrivateBucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.accessLogs = new AccessLogs(this, 'AccessLogs', { retentionDays: config.accessLogRetentionDays, removalPolicy });
    const accessLogsBucket = this.accessLogs.bucket;
    this.intake = new Intake(this, 'Intake', { accessLogsBucket, removalPolicy });
    this.articleStore = new ArticleStore(this, 'ArticleStore', { removalPolicy });
    this.notifications = new Notifications(this, 'Notifications', {
      alertSubscriptions: config.alertSubscriptions,
      editorEmails: config.editorEmails,
      opsEmails: config.opsEmails,
      removalPolicy,
    });
    if (config.readers) this.subscriptionApi = new SubscriptionApi(this, 'SubscriptionApi', { removalPolicy, stage: config.name });
    const certificate = props.edge?.certificate;
    this.site = new SiteDelivery(this, 'Site', {
      accessLogsBucket,
      domain: config.domain && certificate ? { name: config.domain.name, certificate } : undefined,
      webAclArn: props.edge?.webAcl?.webAcl.attrArn,
      removalPolicy,
      api: this.subscriptionApi && {
        domainName: this.subscriptionApi.originDomainName,
        originToken: this.subscriptionApi.originToken.secretValue.unsafeUnwrap(),
      },
    });
    if (config.domain && certificate) {
      new CustomDomain(this, 'Domain', { domain: config.domain, distribution: this.site.distribution, certificateArn: certificate.certificateArn });
    }
    new CostBudget(this, 'Budget', {
      stage: config.name,
      monthlyLimitUsd: config.monthlyBudgetUsd,
      topic: this.notifications.opsTopic,
      topicKey: this.notifications.key,
    });
    if (config.readers) this.subscribers = new SubscriberTable(this, 'Subscribers', { removalPolicy });
    this.publishSchedules = new PublishSchedules(this, 'PublishSchedules', { removalPolicy });
    this.streamFailures = new PrivateBucket(this, 'StreamFailures', {
      removalPolicy,
      accessLogs: { bucket: accessLogsBucket, prefix: 'stream-failures/' },
    });
    this.streamFailures.addLifecycleRule({ id: 'ExpireUnreplayed', expiration: Duration.days(STREAM_FAILURE_RETENTION_DAYS) });

    const { articleStore, intake, notifications, site, publishSchedules } = this;
    new DataParameters(this, 'Parameters', {
      stage: config.name,
      values: {
        articleTableName: articleStore.table.tableName,
        articleTableStreamArn: streamArnOf(articleStore),
        draftsBucketName: intake.draftsBucket.bucketName,
        siteBucketName: site.siteBucket.bucketName,
        intakeQueueArn: intake.queue.queueArn,
        intakeDeadLetterQueueArn: intake.deadLetterQueue.queueArn,
        intakePriorityQueueArn: intake.priorityQueue.queueArn,
        intakeBulkQueueArn: intake.bulkQueue.queueArn,
        topicsKeyArn: notifications.key.keyArn,
        alertsTopicArn: notifications.alertsTopic.topicArn,
        editorsTopicArn: notifications.editorsTopic.topicArn,
        opsTopicArn: notifications.opsTopic.topicArn,
        distributionId: site.distribution.distributionId,
        distributionDomainName: site.distribution.distributionDomainName,
        siteUrl: site.siteUrl,
        scheduleGroupName: publishSchedules.group.scheduleGroupName,
        schedulerRoleArn: publishSchedules.schedulerRole.roleArn,
        publishQueueArn: publishSchedules.queue.queueArn,
        publishDeadLetterQueueArn: publishSchedules.deadLetterQueue.queueArn,
        streamFailureBucketName: this.streamFailures.bucketName,
        ...(this.subscribers ? { subscriberTableName: this.subscribers.table.tableName } : {}),
        ...(this.subscriptionApi ? { subscriptionApiId: this.subscriptionApi.api.apiId } : {}),
      },
    });

    const output = (key: string, value: string, description: string): void => {
      new CfnOutput(this, key, { value, description });
    };
    output(STAGE_OUTPUT_KEYS.draftsBucketName, this.intake.draftsBucket.bucketName, 'Drop drafts under drafts/ here');
    output(STAGE_OUTPUT_KEYS.siteBucketName, this.site.siteBucket.bucketName, 'Rendered site');
    output(STAGE_OUTPUT_KEYS.distributionDomainName, this.site.distribution.distributionDomainName, 'CloudFront domain');
    output(STAGE_OUTPUT_KEYS.distributionId, this.site.distribution.distributionId, 'CloudFront distribution id');
    output(STAGE_OUTPUT_KEYS.siteUrl, this.site.siteUrl, 'Public site URL');
    output(STAGE_OUTPUT_KEYS.alertsTopicArn, this.notifications.alertsTopic.topicArn, 'Subscriber alerts');
    output(STAGE_OUTPUT_KEYS.editorsTopicArn, this.notifications.editorsTopic.topicArn, 'Draft reports for editors');
    output(STAGE_OUTPUT_KEYS.opsTopicArn, this.notifications.opsTopic.topicArn, 'Operator alarms');
  }
}

function streamArnOf(store: ArticleStore): string {
  const arn = store.table.tableStreamArn;
  if (!arn) throw new Error('the article table has no stream');
  return arn;
}
