import { Duration } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ENV } from '../../events/names';
import { deadLetteredQueue } from './dead-lettered-queue';
import { PipelineFunction, type PipelineFunctionProps } from './pipeline-function';

/** Deliveries of an invalidation request (about 15 minutes apart, the visibility timeout) before it is dead-lettered. */
export const INVALIDATION_MAX_RECEIVE_COUNT = 5;
/** Time before a refused invalidation is tried again: CloudFront's in-progress invalidations complete in minutes. */
export const INVALIDATION_RETRY_DELAY = Duration.minutes(15);

/** Properties of {@link CdnInvalidation}. */
export interface CdnInvalidationProps {
  readonly distribution: IDistribution;
  /** The invalidate-cdn function's settings other than its environment. */
  readonly function: Omit<PipelineFunctionProps, 'environment'>;
}

/**
 * CDN invalidations off the render path: a queue of invalidation requests
 * (with its dead-letter queue) and the invalidate-cdn function that sends
 * each to CloudFront. A refused request (`TooManyInvalidationsInProgress`,
 * throttling) is retried on its own, every {@link INVALIDATION_RETRY_DELAY},
 * then dead-lettered; the render stage never waits for it.
 */
export class CdnInvalidation extends Construct {
  /** Invalidation requests from render. */
  readonly queue: Queue;
  /** Requests that failed {@link INVALIDATION_MAX_RECEIVE_COUNT} times. */
  readonly deadLetterQueue: Queue;
  /** Sends the requests to CloudFront. */
  readonly function: PipelineFunction;

  constructor(scope: Construct, id: string, props: CdnInvalidationProps) {
    super(scope, id);
    ({ queue: this.queue, deadLetterQueue: this.deadLetterQueue } = deadLetteredQueue(this, '', {
      visibilityTimeout: INVALIDATION_RETRY_DELAY,
      maxReceiveCount: INVALIDATION_MAX_RECEIVE_COUNT,
      deadLetterPurpose: 'of the invalidation queue',
    }));
    this.function = new PipelineFunction(this, 'Function', {
      ...props.function,
      environment: { [ENV.distributionId]: props.distribution.distributionId },
    });
    this.function.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 2 }));
    props.distribution.grantCreateInvalidation(this.function);
  }

  /** Lets `grantee` queue invalidation requests, and tells it the queue (`ENV.invalidationQueueUrl`). */
  grantRequest(grantee: PipelineFunction & IGrantable): void {
    this.queue.grantSendMessages(grantee);
    grantee.addEnvironment(ENV.invalidationQueueUrl, this.queue.queueUrl);
  }
}
