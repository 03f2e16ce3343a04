import { Duration } from 'aws-cdk-lib';
import { Metric, Stats } from 'aws-cdk-lib/aws-cloudwatch';
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

/** Properties of an {@link ArticleStreamConsumer}. */
export interface ArticleStreamConsumerProps {
  /** The article table; its stream must be enabled. */
  readonly table: ITable;
  /** One `STREAM_FILTERS` pattern: only matching records invoke the function. */
  readonly filter: { readonly [key: string]: unknown };
  /** The Data stack's stream failure bucket (the on-failure destination). */
  readonly failureBucket: IBucket;
  /** The function. */
  readonly function: PipelineFunctionProps;
}

/**
 * A function fed by the article table's stream through a filtered event
 * source mapping: bisect on error, bounded retries and age, partial batch
 * responses, and an S3 on-failure destination. Unlike an SQS or SNS
 * destination, which receives only batch metadata pointing into a stream
 * kept 24 hours, Lambda writes the whole invocation record to S3 (the
 * records with their new images), so `newsroom redrive` can replay them later.
 */
export class ArticleStreamConsumer extends Construct {
  /** The consuming function. */
  readonly function: PipelineFunction;
  /** Stream records this consumer gave up on and wrote to the failure bucket (the mapping's event-count metrics). */
  readonly givenUpMetric: Metric;

  constructor(scope: Construct, id: string, props: ArticleStreamConsumerProps) {
    super(scope, id);
    this.function = new PipelineFunction(this, 'Function', props.function);
    const source = new DynamoEventSource(props.table, {
      // From the oldest record kept: a mapping (re)created on deploy must not skip heads written meanwhile; the consumers are stage-guarded.
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 10,
      bisectBatchOnError: true,
      retryAttempts: STREAM_RETRY_ATTEMPTS,
      maxRecordAge: STREAM_MAX_RECORD_AGE,
      reportBatchItemFailures: true,
      onFailure: new S3PutOnFailure(props.failureBucket),
      filters: [FilterCriteria.filter(props.filter)],
      metricsConfig: { metrics: [MetricType.EVENT_COUNT] },
    });
    this.function.addEventSource(source);
    this.givenUpMetric = new Metric({
      namespace: 'AWS/Lambda',
      metricName: 'OnFailureDestinationDeliveredEventCount',
      dimensionsMap: { EventSourceMappingUUID: source.eventSourceMappingId },
      statistic: Stats.SUM,
      period: Duration.minutes(5),
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
