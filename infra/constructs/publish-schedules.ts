import { Duration, Stack, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Deliveries of a scheduled publish before it moves to the dead-letter queue. */
export const PUBLISH_MAX_RECEIVE_COUNT = 5;

/** Properties of {@link PublishSchedules}. */
export interface PublishSchedulesProps {
  /** Removal policy of the schedule group (and so of every pending schedule). */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The state of scheduled publishing, kept with the stage's data: the
 * EventBridge Scheduler group holding the one-time schedules, and what each
 * schedule names, all of which outlive a replaced App stack: the publish
 * queue it sends its input to (consumed by the App's publish function), the
 * role Scheduler assumes to send there (only for this account's group), and
 * the dead-letter queue for runs Scheduler could not deliver and messages the
 * function gave up on.
 */
export class PublishSchedules extends Construct {
  readonly group: ScheduleGroup;
  /** Every schedule's target. */
  readonly queue: Queue;
  /** Runs Scheduler could not deliver, and publish messages that failed {@link PUBLISH_MAX_RECEIVE_COUNT} times. */
  readonly deadLetterQueue: Queue;
  /** Assumed by EventBridge Scheduler to send to {@link queue}. */
  readonly schedulerRole: Role;

  constructor(scope: Construct, id: string, props: PublishSchedulesProps) {
    super(scope, id);
    this.group = new ScheduleGroup(this, 'Group', { removalPolicy: props.removalPolicy });
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the publish queue and of the publish schedules.',
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.minutes(3),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: PUBLISH_MAX_RECEIVE_COUNT },
    });
    // Confused-deputy guard: Scheduler may assume the role only for schedules of this account's group.
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
        ArnEquals: { 'aws:SourceArn': this.group.scheduleGroupArn },
      }),
      description: 'Lets EventBridge Scheduler send newsroom publish schedules to the publish queue',
      maxSessionDuration: Duration.hours(1),
    });
    this.queue.grantSendMessages(this.schedulerRole);
    this.deadLetterQueue.grantSendMessages(this.schedulerRole);
  }
}
