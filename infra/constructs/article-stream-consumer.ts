import { Duration } from 'aws-cdk-lib';
import { type IMetric, MathExpression, Metric, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  type DlqDestinationConfig,
  FilterCriteria,
  type IEventSourceDlq,
  type IFunction,
  MetricType,
  StartingPosition,
} from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';
import { PipelineFunction, type PipelineFunctionProps } from './pipeline-function';

/** Retries of a failing stream batch (after bisecting) before it goes to the failure bucket. */
export const STREAM_RETRY_ATTEMPTS = 3;
/** Oldest stream record still worth processing. */
export const STREAM_MAX_RECORD_AGE = Duration.hours(6);

/** One event source mapping of a consumer: the records it takes and how many per invocation. */
export interface StreamLane {
  /** One `STREAM_FILTERS` pattern: only matching records invoke the function. */
  readonly filter: { readonly [key: string]: unknown };
  /** Records per invocation (`STREAM_BATCH_SIZES`). */
  readonly batchSize: number;
}

/** Properties of an {@link ArticleStreamConsumer}. */
export interface ArticleStreamConsumerProps {
  /** The article table; its stream must be enabled. */
  readonly table: ITable;
  /** The mapping of most records. */
  readonly lane: StreamLane;
  /**
   * A second mapping, with its own iterator over the stream, for records that must not wait behind the first
   * mapping's backlog (breaking news). Its filter and `lane`'s must never both match one record.
   */
  readonly priorityLane: StreamLane;
  /** The Data stack's stream failure bucket (the on-failure destination). */
  readonly failureBucket: IBucket;
  /** The function. */
  readonly function: PipelineFunctionProps;
}

/**
 * A function fed by the article table's stream through two filtered event
 * source mappings (a lane and a priority lane, each with its own iterator):
 * bisect on error, bounded retries and age, partial batch responses, and an S3
 * on-failure destination. Each mapping is a reader of every shard of the
 * stream, and AWS allows two (`STREAM_FILTERS`), so the table's stream has this
 * one consumer and no other mapping. Unlike an SQS or SNS
 * destination, which receives only batch metadata pointing into a stream
 * kept 24 hours, Lambda writes the whole invocation record to S3 (the
 * records with their new images), so `newsroom redrive` can replay them later.
 */
export class ArticleStreamConsumer extends Construct {
  /** The consuming function. */
  readonly function: PipelineFunction;
  /** Stream records this consumer gave up on and wrote to the failure bucket (the mapping's event-count metrics). */
  readonly givenUpMetric: IMetric;

  constructor(scope: Construct, id: string, props: ArticleStreamConsumerProps) {
    super(scope, id);
    this.function = new PipelineFunction(this, 'Function', props.function);
    const options = (lane: StreamLane) => ({
      // From the oldest record kept: a mapping (re)created on deploy must not skip heads written meanwhile; the consumers are stage-guarded.
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: lane.batchSize,
      bisectBatchOnError: true,
      retryAttempts: STREAM_RETRY_ATTEMPTS,
      maxRecordAge: STREAM_MAX_RECORD_AGE,
      reportBatchItemFailures: true,
      onFailure: new S3PutOnFailure(props.failureBucket),
      filters: [FilterCriteria.filter(lane.filter)],
      metricsConfig: { metrics: [MetricType.EVENT_COUNT] },
    });
    const streamArn = props.table.tableStreamArn;
    if (!streamArn) throw new Error('An article stream consumer needs a table with its stream enabled.');
    const bulk = new DynamoEventSource(props.table, options(props.lane));
    this.function.addEventSource(bulk);
    // A second source on the same table needs an id of its own, so it is added as a mapping (the grant comes with the first).
    const priority = this.function.addEventSourceMapping('PriorityLane', {
      ...options(props.priorityLane),
      eventSourceArn: streamArn,
    });
    const givenUp = (mappingId: string) =>
      new Metric({
        namespace: 'AWS/Lambda',
        metricName: 'OnFailureDestinationDeliveredEventCount',
        dimensionsMap: { EventSourceMappingUUID: mappingId },
        statistic: Stats.SUM,
        period: Duration.minutes(5),
      });
    this.givenUpMetric = new MathExpression({
      expression: 'FILL(bulk, 0) + FILL(priority, 0)',
      usingMetrics: { bulk: givenUp(bulk.eventSourceMappingId), priority: givenUp(priority.eventSourceMappingId) },
      period: Duration.minutes(5),
      label: 'records given up',
    });
    acknowledgeWildcards(this.function, {
      finding: /^Resource::.*StreamFailuresBucket.*\/\*$/,
      reason: 'Lambda names each on-failure record itself; the role may only put objects in the failure bucket, never read or delete them.',
    });
  }
}

/**
 * The S3 on-failure destination with only what delivery needs (`PutObject`,
 * and `ListBucket` for Lambda's check), instead of CDK's `grantReadWrite`.
 */
class S3PutOnFailure implements IEventSourceDlq {
  constructor(private readonly bucket: IBucket) {}

  bind(_target: unknown, handler: IFunction): DlqDestinationConfig {
    handler.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects('*')] }));
    handler.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }));
    return { destination: this.bucket.bucketArn };
  }
}
