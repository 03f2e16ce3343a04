import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** Options of {@link deadLetteredQueue}. */
export interface DeadLetteredQueueOptions {
  /** Time a received message stays invisible: the consumer's timeout, or the wait before a retry. */
  readonly visibilityTimeout: Duration;
  /** Receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** What the dead-letter queue is for (recorded with the cdk-nag acknowledgement that it has none itself). */
  readonly deadLetterPurpose: string;
}

/**
 * An encrypted, TLS-only queue (`<id>Queue`, four days' retention) with its
 * dead-letter queue (`<id>DeadLetterQueue`, fourteen days).
 */
export function deadLetteredQueue(scope: Construct, id: string, options: DeadLetteredQueueOptions): { queue: Queue; deadLetterQueue: Queue } {
  const deadLetterQueue = new Queue(scope, `${id}DeadLetterQueue`, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(deadLetterQueue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is the dead-letter queue ${options.deadLetterPurpose}.`,
  });
  const queue = new Queue(scope, `${id}Queue`, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    visibilityTimeout: options.visibilityTimeout,
    retentionPeriod: Duration.days(4),
    deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: options.maxReceiveCount },
  });
  return { queue, deadLetterQueue };
}
