/** Names of the resources the local stack creates, where the CDK app would let CloudFormation name them. */
export const LOCAL_NAMES = {
  draftsBucket: 'newsroom-drafts',
  siteBucket: 'newsroom-site',
  tableName: 'newsroom-articles',
  distributionId: 'ELOCALNEWSROOM',
  intakeQueue: 'newsroom-intake',
  /** Breaking-news drafts, triaged off the intake queue. */
  priorityQueue: 'newsroom-intake-priority',
  /** Every other draft notification, triaged off the intake queue. */
  bulkQueue: 'newsroom-intake-bulk',
  invalidationQueue: 'newsroom-invalidations',
  subscriberTable: 'newsroom-subscribers',
  /** The queue the alerts topic delivers to (raw) for the email planner. */
  alertQueue: 'newsroom-alert-emails',
  /** The queue of email batches. */
  emailBatchQueue: 'newsroom-email-batches',
  fromAddress: 'Newsroom <alerts@newsroom.example>',
  /** Mobile push platform applications on the local SNS endpoint. */
  apnsApplication: 'newsroom-apns',
  fcmApplication: 'newsroom-fcm',
  scheduleGroup: 'newsroom-publish',
  schedulerRoleArn: 'arn:aws:iam::000000000000:role/newsroom-scheduler',
  publishTargetArn: 'arn:aws:sqs:us-east-1:000000000000:newsroom-publish',
} as const;
