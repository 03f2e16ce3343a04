import * as z from 'zod';
import { openJsonStateStore, type JsonStateStore } from '../json-state-store';

const topicSchema = z.object({ arn: z.string(), name: z.string() });

const subscriptionSchema = z.object({
  arn: z.string(),
  id: z.string(),
  topicArn: z.string(),
  protocol: z.string(),
  endpoint: z.string(),
  /** The policy as the subscriber gave it (JSON text); absent means every message is delivered. */
  filterPolicy: z.string().optional(),
  rawMessageDelivery: z.boolean(),
});

const platformApplicationSchema = z.object({
  arn: z.string(),
  name: z.string(),
  /** APNS, APNS_SANDBOX or GCM. */
  platform: z.string(),
  /** Attributes other than the credential, which is checked for presence and never kept. */
  attributes: z.record(z.string(), z.string()),
});

const platformEndpointSchema = z.object({
  arn: z.string(),
  applicationArn: z.string(),
  token: z.string(),
  customUserData: z.string().optional(),
  enabled: z.boolean(),
});

const stateSchema = z.object({
  version: z.literal(1),
  topics: z.array(topicSchema),
  subscriptions: z.array(subscriptionSchema),
  // Absent from state files written before mobile push was implemented.
  platformApplications: z.array(platformApplicationSchema).default([]),
  platformEndpoints: z.array(platformEndpointSchema).default([]),
});

/** A topic of the local endpoint. */
export type SnsTopic = z.infer<typeof topicSchema>;
/** A (always confirmed) subscription of the local endpoint. */
export type SnsSubscription = z.infer<typeof subscriptionSchema>;
/** A platform application (APNs or FCM) of the local endpoint. */
export type SnsPlatformApplication = z.infer<typeof platformApplicationSchema>;
/** A device's platform endpoint. */
export type SnsPlatformEndpoint = z.infer<typeof platformEndpointSchema>;
/** Everything the local endpoint keeps across restarts. */
export type SnsState = z.infer<typeof stateSchema>;

/** The name of the state file inside the state directory. */
export const SNS_STATE_FILE = 'sns.json';

/** Topics and subscriptions in memory, saved to `<stateDir>/sns.json` after each change. */
export type SnsStateStore = JsonStateStore<SnsState>;

/**
 * Loads the state from `<stateDir>/sns.json`, or starts empty when the file
 * does not exist. Creates the directory.
 * @throws StateFileError when the file is not valid state (it is left untouched).
 */
export function openSnsStateStore(stateDir: string): Promise<SnsStateStore> {
  return openJsonStateStore({
    dir: stateDir,
    file: SNS_STATE_FILE,
    schema: stateSchema,
    empty: () => ({ version: 1, topics: [], subscriptions: [], platformApplications: [], platformEndpoints: [] }),
    description: 'SNS state',
  });
}
