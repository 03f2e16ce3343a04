import { resolve } from 'node:path';

/** Where the local stack keeps its state, all under `NEWSROOM_HOME`. */
export interface LocalPaths {
  readonly home: string;
  readonly dynamodb: string;
  readonly s3: string;
  readonly sns: string;
  readonly scheduler: string;
  readonly outbox: string;
  readonly deadLetters: string;
  readonly streamFailures: string;
  readonly invalidationDeadLetters: string;
  readonly streamCheckpoints: string;
  readonly endpointsFile: string;
  /** The link-signing secret (HMAC) of confirm and preferences links. */
  readonly subscriptionSecret: string;
  /** The local VAPID key pair of web push. */
  readonly vapidPublicKey: string;
  readonly vapidPrivateKey: string;
  /** Dead-lettered alert and email-batch messages. */
  readonly alertDeadLetters: string;
  /** The functions' EMF metrics and milestones, one JSON document a line. */
  readonly metricsFile: string;
}

/** Resolves the state folders under a home folder (default `.newsroom/` in the working directory). */
export function localPaths(home = process.env.NEWSROOM_HOME ?? '.newsroom'): LocalPaths {
  const root = resolve(home);
  return {
    home: root,
    dynamodb: resolve(root, 'dynamodb'),
    s3: resolve(root, 's3'),
    sns: resolve(root, 'sns'),
    scheduler: resolve(root, 'scheduler'),
    outbox: resolve(root, 'outbox'),
    deadLetters: resolve(root, 'dead-letters', 'intake'),
    streamFailures: resolve(root, 'dead-letters', 'stream'),
    invalidationDeadLetters: resolve(root, 'dead-letters', 'invalidations'),
    streamCheckpoints: resolve(root, 'stream-checkpoints.json'),
    endpointsFile: resolve(root, 'endpoints.json'),
    subscriptionSecret: resolve(root, 'subscription-secret'),
    alertDeadLetters: resolve(root, 'dead-letters', 'alerts'),
    vapidPublicKey: resolve(root, 'vapid-public-key'),
    vapidPrivateKey: resolve(root, 'vapid-private-key'),
    metricsFile: resolve(root, 'metrics.jsonl'),
  };
}
