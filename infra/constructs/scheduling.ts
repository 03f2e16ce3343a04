import { Duration, Stack, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../events/names';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';
import { TABLE_INDEX_WILDCARD } from './article-store';
import { PipelineFunction, type PipelineFunctionProps } from './pipeline-function';

/** Lambda's own retries of a failed scheduled run before it goes to the failure queue. */
export const PUBLISH_RETRY_ATTEMPTS = 2;
/** Oldest scheduled run still worth retrying. */
export const PUBLISH_MAX_EVENT_AGE = Duration.hours(6);

/** Properties of {@link Scheduling}. */
export interface SchedulingProps {
  /** The article table the publish function reads and writes. */
  readonly table: ITable;
  /** The publish-scheduled function's settings other than its environment. */
  readonly publishFunction: Omit<PipelineFunctionProps, 'environment'>;
  /** @default RemovalPolicy.DESTROY */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * One-time publish schedules: an EventBridge Scheduler group for them, the
 * role Scheduler assumes to invoke the publish function (and nothing else),
 * and the publish function itself, which reads and writes the article table
 * only. Scheduler invokes it asynchronously, so a run that still fails after
 * {@link PUBLISH_RETRY_ATTEMPTS} retries lands in {@link failureQueue}; so does
 * a run Scheduler itself could not deliver (its dead-letter queue), so no
 * scheduled article is left unpublished without a message there.
 */
export class Scheduling extends Construct {
  /** Holds every one-time publish schedule. */
  readonly group: ScheduleGroup;
  /** Assumed by EventBridge Scheduler to run a schedule's target. */
  readonly schedulerRole: Role;
  /** Flips a scheduled article's stage at its time; Scheduler's only target. */
  readonly publishFunction: PipelineFunction;
  /** Receives the scheduled runs the publish function gave up on, and those Scheduler could not deliver. */
  readonly failureQueue: Queue;

  constructor(scope: Construct, id: string, props: SchedulingProps) {
    super(scope, id);
    this.group = new ScheduleGroup(this, 'Group', { removalPolicy: props.removalPolicy });
    // Confused-deputy guard: Scheduler may assume the role only for schedules of this account's group.
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
        ArnEquals: { 'aws:SourceArn': this.group.scheduleGroupArn },
      }),
      description: 'Lets EventBridge Scheduler invoke the newsroom publish function',
      maxSessionDuration: Duration.hours(1),
    });
    const fn = new PipelineFunction(this, 'PublishFunction', {
      ...props.publishFunction,
      environment: { [ENV.tableName]: props.table.tableName },
    });
    this.publishFunction = fn;
    fn.grantInvoke(this.schedulerRole);
    props.table.grantReadWriteData(fn);
    acknowledgeWildcards(fn, TABLE_INDEX_WILDCARD);
    acknowledgeWildcards(this.schedulerRole, {
      finding: /^Resource::<.*PublishFunction.*\.Arn>:\*$/,
      reason: 'grantInvoke covers the publish function and its versions and aliases; no other function.',
    });

    this.failureQueue = new Queue(this, 'PublishFailureQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the on-failure destination of the publish function\'s asynchronous runs: it is the dead-letter queue.',
    });
    this.failureQueue.grantSendMessages(this.schedulerRole);
    fn.configureAsyncInvoke({
      retryAttempts: PUBLISH_RETRY_ATTEMPTS,
      maxEventAge: PUBLISH_MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.failureQueue),
    });
  }

  /**
   * Lets `grantee` create, update and delete schedules in the group only and
   * pass the scheduler role only, and sets the `ENV` scheduling variables on
   * it (`scheduleGroupName`, `schedulerRoleArn`, `publishFunctionArn`,
   * `scheduleDeadLetterArn`).
   */
  grantManageSchedules(grantee: PipelineFunction): void {
    this.group.grantWriteSchedules(grantee);
    this.group.grantDeleteSchedules(grantee);
    this.schedulerRole.grantPassRole(grantee.grantPrincipal);
    acknowledgeWildcards(grantee, {
      finding: /^Resource::arn:<AWS::Partition>:scheduler:(<AWS::Region>|[a-z0-9-]+):(<AWS::AccountId>|\d{12}):schedule\/.*Scheduling-Group.*\/\*$/,
      reason: 'One-time schedules are created per article at run time, inside the newsroom schedule group only.',
    });
    grantee.addEnvironment(ENV.scheduleGroupName, this.group.scheduleGroupName);
    grantee.addEnvironment(ENV.schedulerRoleArn, this.schedulerRole.roleArn);
    grantee.addEnvironment(ENV.publishFunctionArn, this.publishFunction.functionArn);
    grantee.addEnvironment(ENV.scheduleDeadLetterArn, this.failureQueue.queueArn);
  }
}
