import { Duration, Stack, type RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetteredQueue } from './dead-lettered-queue';

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
    ({ queue: this.queue, deadLetterQueue: this.deadLetterQueue } = deadLetteredQueue(this, '', {
      visibilityTimeout: Duration.minutes(3),
      maxReceiveCount: PUBLISH_MAX_RECEIVE_COUNT,
      deadLetterPurpose: 'of the publish queue and of the publish schedules',
    }));
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
