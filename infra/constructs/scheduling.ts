import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { ENV } from '../../events/names';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';
import { TABLE_INDEX_WILDCARD } from './article-store';
import { PipelineFunction, type PipelineFunctionProps } from './pipeline-function';
import type { PublishScheduleReferences } from './data-references';

/** Properties of {@link Scheduling}. */
export interface SchedulingProps {
  /** The article table the publish function reads and writes. */
  readonly table: ITable;
  /** The schedule group, publish queue and scheduler role, kept in the Data stack. */
  readonly schedules: PublishScheduleReferences;
  /** The publish-scheduled function's settings other than its environment. */
  readonly publishFunction: Omit<PipelineFunctionProps, 'environment'>;
}

/**
 * The stateless half of scheduled publishing: the publish function on the
 * Data stack's publish queue (batches with partial failures; a message that
 * keeps failing ends in the queue's dead-letter queue), reading and writing
 * the article table only. Schedules name the queue and the Data stack's role,
 * never this function, so replacing the App stack leaves them valid.
 */
export class Scheduling extends Construct {
  /** Flips a scheduled article's stage at its time. */
  readonly publishFunction: PipelineFunction;
  private readonly schedules: PublishScheduleReferences;

  constructor(scope: Construct, id: string, props: SchedulingProps) {
    super(scope, id);
    this.schedules = props.schedules;
    const fn = new PipelineFunction(this, 'PublishFunction', {
      ...props.publishFunction,
      environment: { [ENV.tableName]: props.table.tableName },
    });
    this.publishFunction = fn;
    fn.addEventSource(new SqsEventSource(props.schedules.queue, { batchSize: 10, reportBatchItemFailures: true }));
    props.table.grantReadWriteData(fn);
    acknowledgeWildcards(fn, TABLE_INDEX_WILDCARD);
  }

  /**
   * Lets `grantee` create, update and delete schedules in the group only and
   * pass the scheduler role only, and sets the `ENV` scheduling variables on
   * it (`scheduleGroupName`, `schedulerRoleArn`, `publishTargetArn`,
   * `scheduleDeadLetterArn`).
   */
  grantManageSchedules(grantee: PipelineFunction): void {
    const { group, schedulerRole, queue, deadLetterQueue } = this.schedules;
    group.grantWriteSchedules(grantee);
    group.grantDeleteSchedules(grantee);
    schedulerRole.grantPassRole(grantee.grantPrincipal);
    acknowledgeWildcards(grantee, {
      finding: /^Resource::arn:<AWS::Partition>:scheduler:(<AWS::Region>|[a-z0-9-]+):(<AWS::AccountId>|\d{12}):schedule\/.*\/\*$/,
      reason: 'One-time schedules are created per article at run time, inside the newsroom schedule group only.',
    });
    grantee.addEnvironment(ENV.scheduleGroupName, group.scheduleGroupName);
    grantee.addEnvironment(ENV.schedulerRoleArn, schedulerRole.roleArn);
    grantee.addEnvironment(ENV.publishTargetArn, queue.queueArn);
    grantee.addEnvironment(ENV.scheduleDeadLetterArn, deadLetterQueue.queueArn);
  }
}
