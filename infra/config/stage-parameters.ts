/**
 * What a stage's Data stack hands on, as SSM String parameters rather than
 * CloudFormation exports: an export the App stack imports can neither change
 * nor disappear (a custom domain changes the site URL and drops the
 * distribution-domain export), so a Data update would fail; a parameter just
 * takes its new value, read by App (and by `newsroom --stage`) on its next
 * deploy or run. The Data stack writes every key it has, the App stack reads
 * them back, and the CLI finds recovery targets by the same names.
 */
export const STAGE_PARAMETER_KEYS = {
  articleTableName: 'article-table/name',
  articleTableStreamArn: 'article-table/stream-arn',
  draftsBucketName: 'drafts-bucket/name',
  siteBucketName: 'site-bucket/name',
  intakeQueueArn: 'intake/queue-arn',
  intakeDeadLetterQueueArn: 'intake/dead-letter-queue-arn',
  intakePriorityQueueArn: 'intake/priority-queue-arn',
  intakeBulkQueueArn: 'intake/bulk-queue-arn',
  topicsKeyArn: 'topics/key-arn',
  alertsTopicArn: 'topics/alerts-arn',
  editorsTopicArn: 'topics/editors-arn',
  opsTopicArn: 'topics/ops-arn',
  distributionId: 'distribution/id',
  distributionDomainName: 'distribution/domain-name',
  siteUrl: 'site/url',
  scheduleGroupName: 'publish-schedules/group-name',
  schedulerRoleArn: 'publish-schedules/role-arn',
  publishQueueArn: 'publish-schedules/queue-arn',
  publishDeadLetterQueueArn: 'publish-schedules/dead-letter-queue-arn',
  streamFailureBucketName: 'stream-failures/bucket-name',
} as const;

/** The keys written only by a stage with `readers`. */
export const READER_PARAMETER_KEYS = {
  subscriberTableName: 'subscriber-table/name',
  subscriptionApiId: 'subscription-api/id',
} as const;

/** A key of {@link STAGE_PARAMETER_KEYS}. */
export type StageParameterKey = keyof typeof STAGE_PARAMETER_KEYS;
/** A key of {@link READER_PARAMETER_KEYS}. */
export type ReaderParameterKey = keyof typeof READER_PARAMETER_KEYS;

/** The Secrets Manager secret holding a stage's API origin token (made by the Data stack, read by name by the App stack). */
export function apiOriginSecretName(stage: string): string {
  return `newsroom/${stage}/api-origin-token`;
}

/** Every parameter of a stage lives under this path. */
export function stageParameterPath(stage: string): string {
  return `/newsroom/${stage}/`;
}

/**
 * The SSM parameter name of one value of a stage, e.g.
 * `/newsroom/staging/article-table/name`.
 */
export function stageParameterName(stage: string, key: StageParameterKey | ReaderParameterKey): string {
  const suffix = key in STAGE_PARAMETER_KEYS ? STAGE_PARAMETER_KEYS[key as StageParameterKey] : READER_PARAMETER_KEYS[key as ReaderParameterKey];
  return `${stageParameterPath(stage)}${suffix}`;
}
