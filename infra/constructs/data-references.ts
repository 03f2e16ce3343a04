import { Aws } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { type ITable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, Role } from 'aws-cdk-lib/aws-iam';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { type IScheduleGroup, ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { type IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { SUBSCRIBER_INDEXES } from '../../events/subscriber-names';
import { TABLE_INDEXES } from '../../events/names';
import { type ReaderParameterKey, type StageParameterKey, stageParameterName } from '../config/stage-parameters';

/** Every value of {@link STAGE_PARAMETER_KEYS}, plus the reader keys when the stage has readers. */
export type DataValues = Readonly<Record<StageParameterKey, string>> & Partial<Readonly<Record<ReaderParameterKey, string>>>;

/** The schedule group, publish queue and scheduler role of a stage. */
export interface PublishScheduleReferences {
  readonly group: IScheduleGroup;
  readonly queue: IQueue;
  readonly deadLetterQueue: IQueue;
  readonly schedulerRole: IRole;
}

/** Construct ids of the read parameters, after the Data stack resource each names, so grants and findings say which resource. */
const PARAMETER_IDS: Readonly<Record<StageParameterKey | ReaderParameterKey, string>> = {
  articleTableName: 'ArticleStoreTableName',
  articleTableStreamArn: 'ArticleStoreTableStreamArn',
  draftsBucketName: 'IntakeDraftsBucketName',
  siteBucketName: 'SiteSiteBucketName',
  intakeQueueArn: 'IntakeQueueArn',
  intakeDeadLetterQueueArn: 'IntakeDeadLetterQueueArn',
  intakePriorityQueueArn: 'IntakePriorityQueueArn',
  intakeBulkQueueArn: 'IntakeBulkQueueArn',
  topicsKeyArn: 'NotificationsKeyArn',
  alertsTopicArn: 'NotificationsAlertsTopicArn',
  editorsTopicArn: 'NotificationsEditorsTopicArn',
  opsTopicArn: 'NotificationsOpsTopicArn',
  distributionId: 'SiteDistributionId',
  distributionDomainName: 'SiteDistributionDomainName',
  siteUrl: 'SiteUrl',
  scheduleGroupName: 'PublishSchedulesGroupName',
  schedulerRoleArn: 'PublishSchedulesSchedulerRoleArn',
  publishQueueArn: 'PublishSchedulesQueueArn',
  publishDeadLetterQueueArn: 'PublishSchedulesDeadLetterQueueArn',
  streamFailureBucketName: 'StreamFailuresBucketName',
  subscriberTableName: 'SubscribersTableName',
  subscriptionApiId: 'SubscriptionApiId',
};

/**
 * Writes each of `values` to the stage's SSM parameter of that key (in the
 * Data stack). Nothing is exported, so no later change of a value can be
 * refused for being in use.
 */
export class DataParameters extends Construct {
  constructor(scope: Construct, id: string, props: { readonly stage: string; readonly values: DataValues }) {
    super(scope, id);
    for (const [key, value] of Object.entries(props.values)) {
      if (value === undefined) continue;
      new StringParameter(this, key, {
        parameterName: stageParameterName(props.stage, key as StageParameterKey),
        stringValue: value,
        description: `Newsroom ${props.stage}: ${key}, read by the App stack and the newsroom CLI`,
      });
    }
  }
}

/**
 * Reads the Data stack's values back (in the App stack) as SSM parameter
 * types of the template, resolved at each deploy, and imports the resources
 * they name. The parameters' construct ids name what they hold, so findings
 * and grants stay readable.
 */
export class ImportedData extends Construct {
  readonly articleTable: ITable;
  readonly draftsBucket: IBucket;
  readonly siteBucket: IBucket;
  readonly intakeQueue: IQueue;
  readonly intakeDeadLetterQueue: IQueue;
  /** Breaking-news draft notifications, triaged off the intake queue. */
  readonly intakePriorityQueue: IQueue;
  /** Every other draft notification, triaged off the intake queue. */
  readonly intakeBulkQueue: IQueue;
  readonly alertsTopic: ITopic;
  readonly editorsTopic: ITopic;
  readonly opsTopic: ITopic;
  readonly distribution: IDistribution;
  readonly siteUrl: string;
  readonly publishSchedules: PublishScheduleReferences;
  /** Where the stream consumers' on-failure destination writes the batches they gave up on. */
  readonly streamFailureBucket: IBucket;
  /** The subscriber table, when the stage has readers. */
  readonly subscriberTable?: ITable;
  /** The HTTP API behind the distribution's `/api/*`, when the stage has readers. */
  readonly subscriptionApiId?: string;

  constructor(scope: Construct, id: string, props: { readonly stage: string; readonly readers: boolean }) {
    super(scope, id);
    const read = (key: StageParameterKey | ReaderParameterKey): string =>
      StringParameter.fromStringParameterName(this, PARAMETER_IDS[key], stageParameterName(props.stage, key)).stringValue;
    const keyArn = read('topicsKeyArn');
    const topic = (key: 'alertsTopicArn' | 'editorsTopicArn' | 'opsTopicArn', topicId: string) =>
      Topic.fromTopicAttributes(this, topicId, { topicArn: read(key), keyArn });

    this.articleTable = Table.fromTableAttributes(this, 'ArticleStoreTable', {
      tableName: read('articleTableName'),
      tableStreamArn: read('articleTableStreamArn'),
      globalIndexes: Object.values(TABLE_INDEXES).map((index) => index.indexName),
    });
    this.draftsBucket = Bucket.fromBucketName(this, 'DraftsBucket', read('draftsBucketName'));
    this.siteBucket = Bucket.fromBucketName(this, 'SiteBucket', read('siteBucketName'));
    this.streamFailureBucket = Bucket.fromBucketName(this, 'StreamFailureBucket', read('streamFailureBucketName'));
    this.intakeQueue = Queue.fromQueueArn(this, 'IntakeQueue', read('intakeQueueArn'));
    this.intakeDeadLetterQueue = Queue.fromQueueArn(this, 'IntakeDeadLetterQueue', read('intakeDeadLetterQueueArn'));
    this.intakePriorityQueue = Queue.fromQueueArn(this, 'IntakePriorityQueue', read('intakePriorityQueueArn'));
    this.intakeBulkQueue = Queue.fromQueueArn(this, 'IntakeBulkQueue', read('intakeBulkQueueArn'));
    this.alertsTopic = topic('alertsTopicArn', 'AlertsTopic');
    this.editorsTopic = topic('editorsTopicArn', 'EditorsTopic');
    this.opsTopic = topic('opsTopicArn', 'OpsTopic');
    this.distribution = Distribution.fromDistributionAttributes(this, 'Distribution', {
      distributionId: read('distributionId'),
      // App only invalidates and alarms (by id); reading the domain name would leave an unused template parameter.
      domainName: Aws.NO_VALUE,
    });
    this.siteUrl = read('siteUrl');
    this.publishSchedules = {
      group: ScheduleGroup.fromScheduleGroupName(this, 'PublishSchedulesGroup', read('scheduleGroupName')),
      queue: Queue.fromQueueArn(this, 'PublishSchedulesQueue', read('publishQueueArn')),
      deadLetterQueue: Queue.fromQueueArn(this, 'PublishSchedulesDeadLetterQueue', read('publishDeadLetterQueueArn')),
      schedulerRole: Role.fromRoleArn(this, 'PublishSchedulesSchedulerRole', read('schedulerRoleArn'), { mutable: false }),
    };
    if (props.readers) {
      this.subscriberTable = Table.fromTableAttributes(this, 'SubscribersTable', {
        tableName: read('subscriberTableName'),
        globalIndexes: Object.values(SUBSCRIBER_INDEXES).map((index) => index.indexName),
      });
      this.subscriptionApiId = read('subscriptionApiId');
    }
  }
}
