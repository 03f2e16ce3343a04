import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DRAFTS_PREFIX, ENV } from '../../events/names';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';
import { PipelineFunction, type PipelineFunctionProps } from './pipeline-function';

/** Properties of {@link Triage}. */
export interface TriageProps {
  /** The drafts bucket, the intake queue triage reads, and the two lanes it sends to. */
  readonly intake: {
    readonly draftsBucket: IBucket;
    readonly queue: IQueue;
    readonly priorityQueue: IQueue;
    readonly bulkQueue: IQueue;
  };
  /** Function settings other than its environment. */
  readonly function: Omit<PipelineFunctionProps, 'environment'>;
}

/**
 * The triage function on the intake queue: reads each uploaded draft's front
 * matter and sends the notification on to the priority queue when the draft
 * declares `breaking: true`, else to the bulk queue. It reads drafts and
 * sends to those two queues; nothing else.
 */
export class Triage extends Construct {
  /** The triage function. */
  readonly function: PipelineFunction;

  constructor(scope: Construct, id: string, props: TriageProps) {
    super(scope, id);
    const { intake } = props;
    this.function = new PipelineFunction(this, 'Function', {
      ...props.function,
      environment: {
        [ENV.draftsBucket]: intake.draftsBucket.bucketName,
        [ENV.priorityQueueUrl]: intake.priorityQueue.queueUrl,
        [ENV.bulkQueueUrl]: intake.bulkQueue.queueUrl,
      },
    });
    this.function.addEventSource(new SqsEventSource(intake.queue, { batchSize: 10, reportBatchItemFailures: true }));
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [intake.draftsBucket.arnForObjects(`${DRAFTS_PREFIX}*`)] }),
    );
    intake.priorityQueue.grantSendMessages(this.function);
    intake.bulkQueue.grantSendMessages(this.function);
    acknowledgeWildcards(this.function, {
      finding: /\/drafts\/\*$/,
      reason: 'Any draft under drafts/ may arrive; triage reads its front matter only and writes nothing in the bucket.',
    });
  }
}
