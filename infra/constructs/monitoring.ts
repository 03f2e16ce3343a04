import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, Metric, type IMetric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC_NAMES, METRICS_NAMESPACE } from '../../shared/runtime/pipeline-metrics';
import { STREAM_CONSUMER_NAME } from '../../shared/adapters/article-stream-filters';

/** Iterator age above which a stream consumer is considered behind. */
export const ITERATOR_AGE_THRESHOLD = Duration.minutes(5);

/** A monitored function and its display name. */
export interface MonitoredFunction {
  readonly name: string;
  readonly function: IFunction;
  /** Whether it consumes a stream, so its iterator age matters. @default false */
  readonly streamConsumer?: boolean;
}

/** Properties of {@link Monitoring}. */
export interface MonitoringProps {
  /** Receives every alarm. */
  readonly opsTopic: ITopic;
  readonly functions: readonly MonitoredFunction[];
  /** Dead-letter and failure queues, by display name; any message in one is an alarm. */
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
  /** Work queues whose oldest message must not wait longer than {@link OLDEST_MESSAGE_AGE_THRESHOLD}. @default - none */
  readonly workQueues?: Readonly<Record<string, IQueue>>;
  /** Records given up and kept for replay (a stream mapping's on-failure deliveries), by display name; any is an alarm. @default - none */
  readonly givenUp?: Readonly<Record<string, IMetric>>;
  /** Dashboard name. @default - generated */
  readonly dashboardName?: string;
}

/** How long a draft may wait in the intake queue before operators hear of it. */
export const OLDEST_MESSAGE_AGE_THRESHOLD = Duration.minutes(5);

/**
 * Alarms to the ops topic on dead-letter queue depth, function errors and
 * throttles and stream iterator age, and a dashboard of the pipeline.
 */
export class Monitoring extends Construct {
  /** Every alarm, for tests and composition. */
  readonly alarms: Alarm[] = [];
  /** The pipeline dashboard. */
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const action = new SnsAction(props.opsTopic);
    const alarm = (alarmId: string, description: string, metric: IMetric, threshold: number): void => {
      const created = new Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      this.alarms.push(created);
    };
    const period = Duration.minutes(5);

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `${name}Depth`,
        `Messages are waiting in the ${name} queue`,
        queue.metricApproximateNumberOfMessagesVisible({ period, statistic: Stats.MAXIMUM }),
        1,
      );
    }
    for (const { name, function: fn, streamConsumer } of props.functions) {
      alarm(`${name}Errors`, `${name} failed invocations`, fn.metricErrors({ period, statistic: Stats.SUM }), 1);
      alarm(`${name}Throttles`, `${name} was throttled`, fn.metricThrottles({ period, statistic: Stats.SUM }), 1);
      if (streamConsumer) {
        alarm(
          `${name}IteratorAge`,
          `${name} is behind the article stream`,
          fn.metric('IteratorAge', { period, statistic: Stats.MAXIMUM }),
          ITERATOR_AGE_THRESHOLD.toMilliseconds(),
        );
      }
    }

    for (const [name, metric] of Object.entries(props.givenUp ?? {})) {
      alarm(`${name}Depth`, `Records were given up in ${name}; replay them with newsroom redrive`, metric, 1);
    }
    for (const [name, queue] of Object.entries(props.workQueues ?? {})) {
      alarm(
        `${name}OldestMessageAge`,
        `The oldest message in the ${name} queue has waited too long`,
        queue.metricApproximateAgeOfOldestMessage({ period, statistic: Stats.MAXIMUM }),
        OLDEST_MESSAGE_AGE_THRESHOLD.toSeconds(),
      );
    }

    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: props.dashboardName });
    const fns = props.functions;
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Invocations', left: fns.map((f) => f.function.metricInvocations({ period, label: f.name })) }),
      new GraphWidget({ title: 'Errors', left: fns.map((f) => f.function.metricErrors({ period, label: f.name })) }),
      new GraphWidget({ title: 'Duration p95', left: fns.map((f) => f.function.metricDuration({ period, statistic: Stats.p(95), label: f.name })) }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Throttles', left: fns.map((f) => f.function.metricThrottles({ period, label: f.name })) }),
      new GraphWidget({
        title: 'Stream iterator age',
        left: fns.filter((f) => f.streamConsumer).map((f) => f.function.metric('IteratorAge', { period, statistic: Stats.MAXIMUM, label: f.name })),
      }),
      new GraphWidget({
        title: 'Dead-letter queues',
        left: Object.entries(props.deadLetterQueues).map(([name, q]) => q.metricApproximateNumberOfMessagesVisible({ period, label: name })),
      }),
    );
    // The functions' own metrics (Powertools EMF, dimension `service`), see shared/runtime/pipeline-metrics.ts.
    const pipeline = (metricName: string, service: string, statistic: string = Stats.SUM) =>
      new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service }, period, statistic, label: metricName });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Drafts',
        left: [METRIC_NAMES.draftsPublished, METRIC_NAMES.draftsRejected, METRIC_NAMES.draftsScheduled].map((m) => pipeline(m, 'ingest-draft')),
      }),
      new GraphWidget({
        title: 'Pages written and paths invalidated',
        left: [pipeline(METRIC_NAMES.pagesWritten, STREAM_CONSUMER_NAME), pipeline(METRIC_NAMES.pathsInvalidated, STREAM_CONSUMER_NAME)],
      }),
      new GraphWidget({
        title: 'Alerts',
        left: [
          pipeline(METRIC_NAMES.alertsSent, STREAM_CONSUMER_NAME),
          pipeline(METRIC_NAMES.alertsFailed, STREAM_CONSUMER_NAME),
          pipeline(METRIC_NAMES.alertsInDoubt, STREAM_CONSUMER_NAME),
        ],
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Drop-to-live (save to page written), ms',
        left: [Stats.p(50), Stats.p(95), Stats.MAXIMUM].map((statistic) =>
          pipeline(METRIC_NAMES.dropToLive, STREAM_CONSUMER_NAME, statistic).with({ label: `drop-to-live ${statistic}` }),
        ),
      }),
      new GraphWidget({
        title: 'Intake: oldest message age',
        left: Object.entries(props.workQueues ?? {}).map(([name, q]) =>
          q.metricApproximateAgeOfOldestMessage({ period, statistic: Stats.MAXIMUM, label: name }),
        ),
      }),
    );
  }
}
