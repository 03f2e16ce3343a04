/**
 * Names shared by the CDK app and the runtime: bucket prefixes, table keys,
 * index names, message attributes. Defined once, imported by both.
 */

/** Prefix under which editors drop drafts in the drafts bucket. Only this prefix notifies intake. */
export const DRAFTS_PREFIX = 'drafts/';
/** Prefix under which editors drop drafts to preview: rendered at an unlisted, expiring address, never published. */
export const PREVIEWS_PREFIX = 'previews/';
/** Site bucket prefix of preview pages (`preview/<token>/index.html`); a lifecycle rule deletes them. */
export const PREVIEW_SITE_PREFIX = 'preview/';
/** How long a preview's address answers, in hours; the edge refuses it afterwards. */
export const PREVIEW_TTL_HOURS = 24;
/** Days after which the site bucket's lifecycle rule deletes preview objects (S3 counts whole days, rounding up to midnight UTC). */
export const PREVIEW_EXPIRATION_DAYS = 2;
/** Site bucket prefix of images copied from the drafts bucket under content-hashed names. */
export const SITE_IMAGES_PREFIX = 'assets/images/';
/** Maximum size of an image object a draft names, checked before the body is read. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Prefix under which rejection/outcome reports are written beside the drafts. */
export const REPORTS_PREFIX = 'reports/';
/** Draft file suffixes that the intake accepts. */
export const DRAFT_SUFFIXES = ['.md', '.json'] as const;

/**
 * Whether a drafts-bucket key is a draft: under `drafts/` and ending in one of
 * `DRAFT_SUFFIXES`, case-sensitively, exactly as the S3 notification filters
 * built from the same two names match (so `x.MD` is not a draft anywhere).
 */
export function isDraftKey(key: string): boolean {
  return key.startsWith(DRAFTS_PREFIX) && DRAFT_SUFFIXES.some((suffix) => key.endsWith(suffix));
}

/**
 * The ingest lanes behind the intake queue's triage: breaking-news drafts
 * one at a time on the priority queue, everything else ten at a time on the
 * bulk queue. Used by the CDK event sources and the local stand-ins.
 */
export const INGEST_LANES = {
  priority: { batchSize: 1 },
  bulk: { batchSize: 10 },
} as const;

/**
 * How soon a breaking-news draft is live and alerted after it is dropped, even
 * in the middle of a burst or an archive import: the priority lane's promise,
 * measured by `npm run bench -- pipeline` and held by the e2e test.
 */
export const BREAKING_LIVE_WITHIN_MS = 2_000;

/** Partition and sort key attribute names of the article table. */
export const TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;
/** The sort key of an article's current state (its "head" item). */
export const HEAD_SORT_KEY = 'HEAD';

/** SNS message attribute names on subscriber alerts; filter policies use these. */
export const ALERT_ATTRIBUTES = {
  section: 'section',
  tags: 'tags',
  breaking: 'breaking',
  language: 'language',
} as const;

/** Value of the `breaking` message attribute on a breaking-news alert (SNS attributes are strings). */
export const BREAKING_ATTRIBUTE_VALUE = 'true';

/** Maximum size of a draft object, checked before the body is read. */
export const MAX_DRAFT_BYTES = 1024 * 1024;

/** Environment variable names set by the CDK app and the local runtime, read by `shared/config`. */
export const ENV = {
  tableName: 'ARTICLE_TABLE_NAME',
  draftsBucket: 'DRAFTS_BUCKET_NAME',
  siteBucket: 'SITE_BUCKET_NAME',
  alertsTopicArn: 'ALERTS_TOPIC_ARN',
  editorsTopicArn: 'EDITORS_TOPIC_ARN',
  distributionId: 'DISTRIBUTION_ID',
  /** The queue render puts CDN invalidation requests on; invalidate-cdn consumes it. */
  invalidationQueueUrl: 'INVALIDATION_QUEUE_URL',
  /** The queue triage puts breaking-news drafts on; ingest consumes it ahead of the bulk queue. */
  priorityQueueUrl: 'PRIORITY_QUEUE_URL',
  /** The queue triage puts every other draft notification on; ingest consumes it. */
  bulkQueueUrl: 'BULK_QUEUE_URL',
  siteUrl: 'SITE_URL',
  publication: 'PUBLICATION_NAME',
  /** Comma-separated section names for the header navigation and the front page blocks; optional. */
  sections: 'SITE_SECTIONS',
  scheduleGroupName: 'SCHEDULE_GROUP_NAME',
  schedulerRoleArn: 'SCHEDULER_ROLE_ARN',
  /** What a publish schedule targets: the publish queue, whose ARN survives replacing the App stack. */
  publishTargetArn: 'PUBLISH_TARGET_ARN',
  /** The queue EventBridge Scheduler sends a publish run to when it cannot invoke the function; optional. */
  scheduleDeadLetterArn: 'SCHEDULE_DEAD_LETTER_ARN',
  /** `extractive` (default) or `bedrock`: who writes takeaways an editor left out. */
  takeawaysProvider: 'TAKEAWAYS_PROVIDER',
  /** The Bedrock model or inference-profile id, required when `TAKEAWAYS_PROVIDER` is `bedrock`. */
  bedrockModelId: 'BEDROCK_MODEL_ID',
} as const;

/** Global secondary indexes of the article table (all keys are strings). */
export const TABLE_INDEXES = {
  /** Published articles, newest first: partition `GSI1PK`, sort `GSI1SK` (publishedAt#id). */
  byPublished: { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
} as const;
