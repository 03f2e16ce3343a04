import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config';
import { STAGE_OUTPUT_KEYS } from '../config/stage-outputs';
import { AccessLogs } from '../constructs/access-logs';
import { ArticleStore } from '../constructs/article-store';
import { CostBudget } from '../constructs/cost-budget';
import { CustomDomain } from '../constructs/custom-domain';
import { Intake } from '../constructs/intake';
import { Notifications } from '../constructs/notifications';
import { PublishSchedules } from '../constructs/publish-schedules';
import { SiteDelivery } from '../constructs/site-delivery';
import { SubscriberTable } from '../constructs/subscriber-table';
import type { EdgeStack } from './edge-stack';

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
 * distribution). Its outputs are what `newsroom publish` resolves.
 */
export class DataStack extends Stack {
  readonly accessLogs: AccessLogs;
  readonly intake: Intake;
  readonly articleStore: ArticleStore;
  readonly notifications: Notifications;
  readonly site: SiteDelivery;
  /** Readers and their choices; only when the stage configures `readers`. */
  readonly subscribers?: SubscriberTable;
  readonly publishSchedules: PublishSchedules;

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
    const certificate = props.edge?.certificate;
    this.site = new SiteDelivery(this, 'Site', {
      accessLogsBucket,
      domain: config.domain && certificate ? { name: config.domain.name, certificate } : undefined,
      webAclArn: props.edge?.webAcl?.webAcl.attrArn,
      removalPolicy,
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
