import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { ENV } from '../../events/names';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';
import { TABLE_INDEX_WILDCARD } from './article-store';
import { PipelineFunction, type PipelineFunctionProps } from './pipeline-function';

/** How often the reconciler looks for stuck heads. */
export const RECONCILE_PERIOD = Duration.minutes(15);

/** Properties of {@link Reconciliation}. */
export interface ReconciliationProps {
  readonly table: ITable;
  /** The reconcile-pipeline function's settings other than its environment. */
  readonly function: Omit<PipelineFunctionProps, 'environment'>;
}

/**
 * The reconciler: every {@link RECONCILE_PERIOD} it finds article heads stuck
 * in a stage past their deadline and drives them on (re-announcing them on
 * the stream, or publishing a scheduled article whose schedule never ran). It
 * reads and writes the article table only; heads stuck after every nudge fail
 * the run, which the monitoring's error alarm reports.
 */
export class Reconciliation extends Construct {
  readonly function: PipelineFunction;

  constructor(scope: Construct, id: string, props: ReconciliationProps) {
    super(scope, id);
    this.function = new PipelineFunction(this, 'Function', {
      ...props.function,
      environment: { [ENV.tableName]: props.table.tableName },
    });
    props.table.grantReadWriteData(this.function);
    acknowledgeWildcards(this.function, TABLE_INDEX_WILDCARD);
    new Rule(this, 'Schedule', {
      description: 'Runs the newsroom reconciler',
      schedule: Schedule.rate(RECONCILE_PERIOD),
      targets: [new LambdaFunction(this.function, { retryAttempts: 0 })],
    });
  }
}
