import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PipelineFunction, type PipelineFunctionProps } from './pipeline-function';

/** Retries of a failing stream batch (after bisecting) before it goes to the failure queue. */
export const STREAM_RETRY_ATTEMPTS = 3;
/** Oldest stream record still worth processing. */
export const STREAM_MAX_RECORD_AGE = Duration.hours(6);

/** Properties of an {@link ArticleStreamConsumer}. */
export interface ArticleStreamConsumerProps {
  /** The article table; its stream must be enabled. */
  readonly table: ITable;
  /** One `STREAM_FILTERS` pattern: only matching records invoke the function. */
  readonly filter: { readonly [key: string]: unknown };
  /** The function. */
  readonly function: PipelineFunctionProps;
}

/**
 * A function fed by the article table's stream through a filtered event
 * source mapping: bisect on error, bounded retries and age, partial batch
 * responses, and a failure queue receiving the records it gave up on.
 */
export class ArticleStreamConsumer extends Construct {
  /** The consuming function. */
  readonly function: PipelineFunction;
  /** Receives descriptions of the stream batches that exhausted their retries. */
  readonly failureQueue: Queue;

  constructor(scope: Construct, id: string, props: ArticleStreamConsumerProps) {
    super(scope, id);
    this.function = new PipelineFunction(this, 'Function', props.function);
    this.failureQueue = new Queue(this, 'FailureQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the on-failure destination of a stream event source: it is the dead-letter queue.',
    });
    this.function.addEventSource(
      new DynamoEventSource(props.table, {
        // From the oldest record kept: a mapping (re)created on deploy must not skip heads written meanwhile; the consumers are stage-guarded.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: STREAM_RETRY_ATTEMPTS,
        maxRecordAge: STREAM_MAX_RECORD_AGE,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.failureQueue),
        filters: [FilterCriteria.filter(props.filter)],
      }),
    );
  }
}
