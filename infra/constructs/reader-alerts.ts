import path from 'node:path';
import { Arn, Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ConfigurationSet, EventDestination, EmailSendingEvent } from 'aws-cdk-lib/aws-ses';
import { type ITopic, Subscription, SubscriptionProtocol } from 'aws-cdk-lib/aws-sns';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../events/names';
import { ALERT_PLAN_BATCH_SIZE, SUBSCRIBER_ENV } from '../../events/subscriber-names';
import type { ReadersConfig } from '../config/stage-config';
import { PROJECT_ROOT } from '../config/paths';
import { PipelineFunction } from './pipeline-function';

/** The functions of the reader side. */
export type ReaderFunctionName = 'subscription-api' | 'plan-alert-emails' | 'send-alert-emails' | 'ses-events' | 'sweep-devices';

/** The handler entry of a reader function: `functions/<name>/handler.ts`. */
export const readerFunctionEntry = (name: ReaderFunctionName) => path.join(PROJECT_ROOT, 'functions', name, 'handler.ts');

/** Properties of {@link ReaderAlerts}. */
export interface ReaderAlertsProps {
  readonly config: ReadersConfig;
  readonly table: ITable;
  readonly alertsTopic: ITopic;
  readonly siteUrl: string;
  readonly publication: string;
  readonly logRetention: RetentionDays;
  /** @default - `functions/<name>/handler.ts` */
  readonly entries?: Partial<Record<ReaderFunctionName, string>>;
}

/**
 * The reader side of alerts: the alerts topic delivers (raw) to the alert
 * queue; the planner pages the subscriber table's interest index and fills
 * the batch queue; the sender sends each batch through SES v2 (or Web Push)
 * at the stage's rate, its concurrency capped by the event source mapping;
 * SES bounce and complaint events reach the suppression function through
 * EventBridge and a queue; the subscription API function is invoked by the
 * Data stack's HTTP API behind the distribution's `/api/*` (the App stack adds
 * the route, `SubscriptionApiRoute`). Every queue has a dead-letter queue.
 */
export class ReaderAlerts extends Construct {
  readonly alertQueue: Queue;
  readonly batchQueue: Queue;
  readonly sesEventsQueue: Queue;
  readonly deadLetterQueue: Queue;
  readonly apiFunction: PipelineFunction;
  readonly planner: PipelineFunction;
  readonly sender: PipelineFunction;
  readonly suppressor: PipelineFunction;
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: ReaderAlertsProps) {
    super(scope, id);
    const { config, table } = props;
    const stack = Stack.of(this);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const queue = (queueId: string, visibilityTimeout: Duration) =>
      new Queue(this, queueId, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout,
        deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
      });
    this.alertQueue = queue('AlertQueue', Duration.minutes(30));
    this.batchQueue = queue('BatchQueue', Duration.minutes(30));
    this.sesEventsQueue = queue('SesEventsQueue', Duration.minutes(3));

    // The subscription lives here, not on the topic's stack, so the data stack never depends on this one.
    new Subscription(this, 'AlertQueueSubscription', {
      topic: props.alertsTopic,
      protocol: SubscriptionProtocol.SQS,
      endpoint: this.alertQueue.queueArn,
      rawMessageDelivery: true,
    });
    this.alertQueue.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('sns.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [this.alertQueue.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': props.alertsTopic.topicArn } },
      }),
    );

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {});
    this.configurationSet.addEventDestination('ToEventBridge', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    new Rule(this, 'SesEventsRule', {
      eventPattern: { source: ['aws.ses'], detailType: ['Email Bounced', 'Email Complaint Received'] },
      targets: [new SqsQueue(this.sesEventsQueue, { message: RuleTargetInput.fromEventPath('$.detail') })],
    });

    const secret = StringParameter.fromSecureStringParameterAttributes(this, 'LinkSecret', { parameterName: config.secretParameterName });
    const vapidKey = config.webPush
      ? StringParameter.fromSecureStringParameterAttributes(this, 'VapidPrivateKey', { parameterName: config.webPush.privateKeyParameterName })
      : undefined;
    const environment = {
      [SUBSCRIBER_ENV.tableName]: table.tableName,
      [SUBSCRIBER_ENV.secretParameter]: config.secretParameterName,
      [SUBSCRIBER_ENV.fromAddress]: config.fromAddress,
      [SUBSCRIBER_ENV.configurationSet]: this.configurationSet.configurationSetName,
      [SUBSCRIBER_ENV.emailBatchQueueUrl]: this.batchQueue.queueUrl,
      [SUBSCRIBER_ENV.sendRatePerSecond]: String(config.emailSendRate / config.senderConcurrency),
      ...(config.webPush
        ? {
            [SUBSCRIBER_ENV.vapidPublicKey]: config.webPush.publicKey,
            [SUBSCRIBER_ENV.vapidPrivateKeyParameter]: config.webPush.privateKeyParameterName,
            [SUBSCRIBER_ENV.vapidSubject]: config.webPush.subject,
          }
        : {}),
      ...(config.mobilePush
        ? {
            ...(config.mobilePush.apnsApplicationArn ? { [SUBSCRIBER_ENV.apnsApplicationArn]: config.mobilePush.apnsApplicationArn } : {}),
            ...(config.mobilePush.fcmApplicationArn ? { [SUBSCRIBER_ENV.fcmApplicationArn]: config.mobilePush.fcmApplicationArn } : {}),
            [ENV.alertsTopicArn]: props.alertsTopic.topicArn,
          }
        : {}),
      [ENV.siteUrl]: props.siteUrl,
      [ENV.publication]: props.publication,
    };
    const fn = (fnId: string, name: ReaderFunctionName, timeout: Duration) =>
      new PipelineFunction(this, fnId, {
        entry: props.entries?.[name] ?? readerFunctionEntry(name),
        serviceName: name,
        logRetention: props.logRetention,
        timeout,
        environment,
      });
    const sesSend = new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['ses:SendEmail'],
      resources: [
        Arn.format({ service: 'ses', resource: 'identity', resourceName: config.fromAddress.replace(/^.*<|>$/g, '').split('@')[1] ?? '' }, stack),
        Arn.format({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }, stack),
      ],
    });

    this.apiFunction = fn('ApiFunction', 'subscription-api', Duration.seconds(10));
    table.grantReadWriteData(this.apiFunction);
    this.apiFunction.addToRolePolicy(sesSend);
    secret.grantRead(this.apiFunction);

    this.planner = fn('PlannerFunction', 'plan-alert-emails', Duration.minutes(5));
    this.planner.addEventSource(new SqsEventSource(this.alertQueue, { batchSize: ALERT_PLAN_BATCH_SIZE, reportBatchItemFailures: true }));
    table.grantReadData(this.planner);
    this.batchQueue.grantSendMessages(this.planner);

    this.sender = fn('SenderFunction', 'send-alert-emails', Duration.minutes(5));
    this.sender.addEventSource(
      new SqsEventSource(this.batchQueue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: config.senderConcurrency }),
    );
    table.grantReadWriteData(this.sender);
    this.sender.addToRolePolicy(sesSend);
    secret.grantRead(this.sender);
    if (vapidKey) vapidKey.grantRead(this.sender);

    this.suppressor = fn('SesEventsFunction', 'ses-events', Duration.seconds(30));
    this.suppressor.addEventSource(new SqsEventSource(this.sesEventsQueue, { batchSize: 10, reportBatchItemFailures: true }));
    table.grantReadWriteData(this.suppressor);
    secret.grantRead(this.suppressor);

    if (config.mobilePush) this.sweeper = this.mobilePush(config.mobilePush, props.alertsTopic, fn);
  }

  /** The sweeper of disabled device endpoints, when the stage has mobile push. */
  readonly sweeper?: PipelineFunction;

  /**
   * Lets the API register devices (platform endpoints of the stage's
   * applications, subscribed to the alerts topic) and sweeps endpoints SNS
   * disabled every hour.
   */
  private mobilePush(
    push: NonNullable<ReadersConfig['mobilePush']>,
    topic: ITopic,
    fn: (fnId: string, name: ReaderFunctionName, timeout: Duration) => PipelineFunction,
  ): PipelineFunction {
    const applications = [push.apnsApplicationArn, push.fcmApplicationArn].filter((arn): arn is string => Boolean(arn));
    // arn:…:app/PLATFORM/NAME owns the endpoints arn:…:endpoint/PLATFORM/NAME/ID.
    const endpoints = applications.map((arn) => `${arn.replace(':app/', ':endpoint/')}/*`);
    const subscriptions = `${topic.topicArn}:*`;
    this.apiFunction.addToRolePolicy(new PolicyStatement({ actions: ['sns:CreatePlatformEndpoint'], resources: applications }));
    this.apiFunction.addToRolePolicy(
      new PolicyStatement({ actions: ['sns:GetEndpointAttributes', 'sns:SetEndpointAttributes'], resources: endpoints }),
    );
    this.apiFunction.addToRolePolicy(new PolicyStatement({ actions: ['sns:Subscribe'], resources: [topic.topicArn] }));
    this.apiFunction.addToRolePolicy(new PolicyStatement({ actions: ['sns:SetSubscriptionAttributes'], resources: [subscriptions] }));
    const sweeper = fn('SweepDevicesFunction', 'sweep-devices', Duration.minutes(5));
    sweeper.addToRolePolicy(new PolicyStatement({ actions: ['sns:ListEndpointsByPlatformApplication'], resources: applications }));
    sweeper.addToRolePolicy(new PolicyStatement({ actions: ['sns:DeleteEndpoint'], resources: endpoints }));
    sweeper.addToRolePolicy(new PolicyStatement({ actions: ['sns:Unsubscribe'], resources: [subscriptions] }));
    new Rule(this, 'SweepDevicesSchedule', { schedule: Schedule.rate(Duration.hours(1)), targets: [new LambdaFunction(sweeper)] });
    return sweeper;
  }
}
