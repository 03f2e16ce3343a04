import { Duration, Stack, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DRAFT_SUFFIXES, DRAFTS_PREFIX, PREVIEWS_PREFIX } from '../../events/names';
import { PrivateBucket } from './private-bucket';

/** Times a draft notification is received before it moves to the dead-letter queue. */
export const INTAKE_MAX_RECEIVE_COUNT = 5;
/** Visibility timeout of the intake queue; at least six times the ingest function's timeout. */
export const INTAKE_VISIBILITY_TIMEOUT = Duration.minutes(3);

/** Days a replaced or deleted draft version is kept (for undo and audit) before S3 expires it. */
export const DRAFT_NONCURRENT_VERSION_DAYS = 90;

/** Properties of {@link Intake}. */
export interface IntakeProps {
  /** Receives the drafts bucket's access logs. */
  readonly accessLogsBucket: IBucket;
  /** Removal policy of the drafts bucket. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Where drafts come in: the versioned drafts bucket, and the intake queue
 * (with its dead-letter queue) that receives the bucket's created and removed
 * events for draft files under `drafts/` only, so reports written under
 * `reports/` never loop back. Triage moves each notification on to the
 * priority queue (breaking news) or the bulk queue, which ingest consumes.
 */
export class Intake extends Construct {
  /** Editors drop drafts here, under `drafts/`. */
  readonly draftsBucket: PrivateBucket;
  /** Draft notifications, consumed by the ingest function. */
  readonly queue: Queue;
  /** Notifications that failed {@link INTAKE_MAX_RECEIVE_COUNT} times, on the intake queue or a lane. */
  readonly deadLetterQueue: Queue;
  /** Breaking-news draft notifications, triaged off the intake queue; ingested first. */
  readonly priorityQueue: Queue;
  /** Every other draft notification, triaged off the intake queue. */
  readonly bulkQueue: Queue;

  constructor(scope: Construct, id: string, props: IntakeProps) {
    super(scope, id);
    this.draftsBucket = new PrivateBucket(this, 'DraftsBucket', {
      versioned: true,
      noncurrentVersionDays: DRAFT_NONCURRENT_VERSION_DAYS,
      removalPolicy: props.removalPolicy,
      accessLogs: { bucket: props.accessLogsBucket, prefix: 'drafts-bucket/' },
    });
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const workQueue = (queueId: string) =>
      new Queue(this, queueId, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout: INTAKE_VISIBILITY_TIMEOUT,
        retentionPeriod: Duration.days(4),
        deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: INTAKE_MAX_RECEIVE_COUNT },
      });
    this.queue = workQueue('Queue');
    this.priorityQueue = workQueue('PriorityQueue');
    this.bulkQueue = workQueue('BulkQueue');
    const destination = new SqsDestination(this.queue);
    for (const event of [EventType.OBJECT_CREATED, EventType.OBJECT_REMOVED]) {
      for (const suffix of DRAFT_SUFFIXES) {
        this.draftsBucket.addEventNotification(event, destination, { prefix: DRAFTS_PREFIX, suffix });
      }
    }
    // Previews are rendered on upload only; deleting one changes nothing.
    for (const suffix of DRAFT_SUFFIXES) {
      this.draftsBucket.addEventNotification(EventType.OBJECT_CREATED, destination, { prefix: PREVIEWS_PREFIX, suffix });
    }
    const notificationsHandler = Stack.of(this).node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
    if (notificationsHandler) {
      Validations.of(notificationsHandler).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's own deploy-time handler that configures bucket notifications; its role is not ours to shape and it only writes its logs with it.",
      });
    }
  }
}
