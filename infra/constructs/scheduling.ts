import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { ENV } from '../../events/names';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';
import { PipelineFunction, type PipelineFunctionProps } from './pipeline-function';

/** Properties of {@link Scheduling}. */
export interface SchedulingProps {
  /** The publish-scheduled function; omitted until its handler exists. @default - no function */
  readonly publishFunction?: PipelineFunctionProps;
  /** @default RemovalPolicy.DESTROY */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * One-time publish schedules: an EventBridge Scheduler group for them and
 * the role Scheduler assumes to invoke the publish function (and nothing else).
 */
export class Scheduling extends Construct {
  /** Holds every one-time publish schedule. */
  readonly group: ScheduleGroup;
  /** Assumed by EventBridge Scheduler to run a schedule's target. */
  readonly schedulerRole: Role;
  /** Flips a scheduled article's stage at its time, when configured. */
  readonly publishFunction?: PipelineFunction;

  constructor(scope: Construct, id: string, props: SchedulingProps = {}) {
    super(scope, id);
    this.group = new ScheduleGroup(this, 'Group', { removalPolicy: props.removalPolicy });
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Lets EventBridge Scheduler invoke the newsroom publish function',
      maxSessionDuration: Duration.hours(1),
    });
    if (props.publishFunction) {
      this.publishFunction = new PipelineFunction(this, 'PublishFunction', props.publishFunction);
      this.publishFunction.grantInvoke(this.schedulerRole);
      acknowledgeWildcards(this.schedulerRole, {
        finding: /^Resource::<.*PublishFunction.*\.Arn>:\*$/,
        reason: 'grantInvoke covers the publish function and its versions and aliases; no other function.',
      });
    }
  }

  /**
   * Lets `grantee` create, update and delete schedules in the group with the
   * scheduler role, and sets {@link ENV} on it.
   */
  grantManageSchedules(grantee: PipelineFunction): void {
    this.group.grantWriteSchedules(grantee);
    this.group.grantDeleteSchedules(grantee);
    this.schedulerRole.grantPassRole(grantee.grantPrincipal);
    acknowledgeWildcards(grantee, {
      finding: /^Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule\/.*Scheduling-Group.*\/\*$/,
      reason: 'One-time schedules are created per article at run time, inside the newsroom schedule group only.',
    });
    grantee.addEnvironment(ENV.scheduleGroupName, this.group.scheduleGroupName);
    grantee.addEnvironment(ENV.schedulerRoleArn, this.schedulerRole.roleArn);
    if (this.publishFunction) {
      grantee.addEnvironment(ENV.publishFunctionArn, this.publishFunction.functionArn);
    }
  }
}
