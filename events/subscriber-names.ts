/**
 * Names of the reader-subscription side shared by the CDK app and the
 * runtime: the subscriber table's keys and index, the API routes, the
 * environment variables. Defined once, imported by both.
 */

/** Partition and sort key attribute names of the subscriber table. */
export const SUBSCRIBER_TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;

/**
 * The sparse index of active interests: one item per (reader, followed
 * section / tag / "everything" / "breaking"), present only while the reader
 * is confirmed and not paused, so a send pages through only matching readers.
 */
export const SUBSCRIBER_INDEXES = {
  byInterest: { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
} as const;

/** Where the reader-facing pages and the API live on the site's origin. */
export const SUBSCRIPTION_PATHS = {
  /** The static sign-up page. */
  subscribePage: '/subscribe/',
  /** Everything under this prefix goes to the subscription API (a CloudFront behaviour `/api/*`). */
  apiPrefix: '/api/',
  /** POST: sign up (form or JSON). */
  subscribe: '/api/subscriptions',
  /** GET: the confirm page (a button); POST: confirm. */
  confirm: '/api/subscriptions/confirm',
  /** GET: the preferences page; POST: change sections, pause, resume or unsubscribe. */
  preferences: '/api/subscriptions/preferences',
  /** POST: RFC 8058 one-click unsubscribe (the `List-Unsubscribe` URL). */
  unsubscribe: '/api/subscriptions/unsubscribe',
  /** POST (JSON): register an app install (APNs or FCM token) for mobile push through SNS. */
  devices: '/api/devices',
  /** POST (JSON): register a browser's push subscription with what it follows. */
  pushSubscriptions: '/api/push-subscriptions',
  /** POST (JSON): forget a browser's push subscription. */
  pushUnsubscribe: '/api/push-subscriptions/remove',
  /** GET: the VAPID public key browsers subscribe with. */
  pushKey: '/api/push-subscriptions/key',
  /** The push service worker (at the root, so its scope is the whole site). */
  serviceWorker: '/push-sw.js',
} as const;

/** Environment variables of the subscription functions, read by `shared/config/subscriber-config.ts`. */
export const SUBSCRIBER_ENV = {
  tableName: 'SUBSCRIBER_TABLE_NAME',
  /** SSM SecureString parameter holding the link-signing secret (on AWS). */
  secretParameter: 'SUBSCRIPTION_SECRET_PARAMETER',
  /** File holding the link-signing secret (locally, under `NEWSROOM_HOME`); wins over the parameter. */
  secretFile: 'SUBSCRIPTION_SECRET_FILE',
  /** The `From` address of every email, e.g. `The Newsroom <alerts@example.com>`. */
  fromAddress: 'ALERT_FROM_ADDRESS',
  /** SES configuration set whose event destination reports bounces and complaints. @default none */
  configurationSet: 'SES_CONFIGURATION_SET',
  /** The queue of email batches the planner fills and the sender drains. */
  emailBatchQueueUrl: 'EMAIL_BATCH_QUEUE_URL',
  /** Emails per second one sender may send (the stage's share of the SES send rate). */
  sendRatePerSecond: 'EMAIL_SEND_RATE',
  /** The VAPID public key (base64url, uncompressed P-256 point). */
  vapidPublicKey: 'VAPID_PUBLIC_KEY',
  /** SSM SecureString parameter holding the VAPID private key (on AWS). */
  vapidPrivateKeyParameter: 'VAPID_PRIVATE_KEY_PARAMETER',
  /** File holding the VAPID private key (locally); wins over the parameter. */
  vapidPrivateKeyFile: 'VAPID_PRIVATE_KEY_FILE',
  /** The VAPID `sub` contact (mailto: or https:). */
  vapidSubject: 'VAPID_SUBJECT',
  /** The stage's APNs platform application ARN (mobile push), if it has one. */
  apnsApplicationArn: 'APNS_PLATFORM_APPLICATION_ARN',
  /** The stage's FCM platform application ARN (mobile push), if it has one. */
  fcmApplicationArn: 'FCM_PLATFORM_APPLICATION_ARN',
  /** On AWS: the token CloudFront sends to the API origin in `API_ORIGIN_HEADER`; requests without it are refused. */
  originToken: 'API_ORIGIN_TOKEN',
} as const;

/** The header CloudFront adds to every `/api/*` request it forwards, carrying the origin token. */
export const API_ORIGIN_HEADER = 'x-newsroom-origin';

/** Interest partitions of web-push subscriptions carry this prefix, beside the email readers' ones. */
export const PUSH_INTEREST_PREFIX = 'PUSH|';

/**
 * Alerts per planner invocation (the alert queue's batch size, on AWS and locally). The alerts of one invocation
 * share each interest partition that fits one page (see `shareInterestPages`), so a burst's alerts read the `ALL`
 * and section partitions once per batch, not once per alert.
 */
export const ALERT_PLAN_BATCH_SIZE = 10;

/** Recipients per email batch message: one sender invocation sends one batch. */
export const EMAIL_BATCH_SIZE = 50;
