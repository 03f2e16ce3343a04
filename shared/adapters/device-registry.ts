import {
  CreatePlatformEndpointCommand,
  DeleteEndpointCommand,
  GetEndpointAttributesCommand,
  ListEndpointsByPlatformApplicationCommand,
  SetEndpointAttributesCommand,
  SetSubscriptionAttributesCommand,
  SubscribeCommand,
  UnsubscribeCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { ALERT_ATTRIBUTES } from '../../events/names';
import { alertFilterPolicy, type AlertPreferences } from '../domain/subscriptions/alert-filter-policy';

/** The app platforms a device registers for. */
export type DevicePlatform = 'apns' | 'fcm';

/** One app install: its platform, push token and what it follows. */
export interface DeviceRegistration extends AlertPreferences {
  readonly platform: DevicePlatform;
  readonly token: string;
}

/** App devices as SNS platform endpoints subscribed to the alerts topic. */
export interface DeviceRegistry {
  /** The platforms this stage has a platform application for. */
  readonly platforms: readonly DevicePlatform[];
  /**
   * Creates (or re-enables) the device's platform endpoint and subscribes it to
   * the alerts topic with the filter policy of its choices (updating the
   * policy when it was subscribed before).
   * @throws FilterPolicyLimitError when the choices do not fit one filter policy
   */
  register(device: DeviceRegistration): Promise<void>;
  /** Unsubscribes and deletes every endpoint SNS disabled (APNs or FCM answered that the token is no longer valid). @returns how many. */
  sweepDisabled(): Promise<number>;
}

/** Options of {@link createDeviceRegistry}. */
export interface DeviceRegistryOptions {
  readonly client: SNSClient;
  readonly topicArn: string;
  /** Platform application ARNs of the stage, per platform (stage settings; the credentials stay in SNS). */
  readonly applications: Partial<Record<DevicePlatform, string>>;
}

/** What an endpoint's CustomUserData holds: its subscription, so nothing else has to be stored or listed. */
interface EndpointData {
  readonly subscriptionArn?: string;
}

const EXISTING_ENDPOINT = /Endpoint (arn:\S+) already exists with the same Token/;

function readData(text: string | undefined): EndpointData {
  try {
    const data = JSON.parse(text ?? '{}') as unknown;
    return typeof data === 'object' && data !== null && typeof (data as EndpointData).subscriptionArn === 'string' ? (data as EndpointData) : {};
  } catch {
    return {};
  }
}

/**
 * Creates the registry over SNS mobile push. Registering follows AWS's
 * documented pattern: CreatePlatformEndpoint is idempotent while attributes
 * match; when they differ, the error names the existing endpoint, whose
 * token and `Enabled` are then set.
 */
export function createDeviceRegistry({ client, topicArn, applications }: DeviceRegistryOptions): DeviceRegistry {
  const platforms = (Object.keys(applications) as DevicePlatform[]).filter((p) => applications[p]);

  async function endpointFor(applicationArn: string, token: string): Promise<string> {
    try {
      const { EndpointArn } = await client.send(new CreatePlatformEndpointCommand({ PlatformApplicationArn: applicationArn, Token: token }));
      if (!EndpointArn) throw new Error('CreatePlatformEndpoint returned no ARN');
      return EndpointArn;
    } catch (error) {
      const existing = error instanceof Error ? EXISTING_ENDPOINT.exec(error.message)?.[1] : undefined;
      if (!existing) throw error;
      return existing;
    }
  }

  return {
    platforms,
    async register(device) {
      const applicationArn = applications[device.platform];
      if (!applicationArn) throw new Error(`This stage has no ${device.platform} platform application`);
      const policy = alertFilterPolicy(device);
      const endpointArn = await endpointFor(applicationArn, device.token);
      const { Attributes = {} } = await client.send(new GetEndpointAttributesCommand({ EndpointArn: endpointArn }));
      if (Attributes.Enabled !== 'true' || Attributes.Token !== device.token) {
        await client.send(new SetEndpointAttributesCommand({ EndpointArn: endpointArn, Attributes: { Enabled: 'true', Token: device.token } }));
      }
      const { subscriptionArn } = readData(Attributes.CustomUserData);
      if (subscriptionArn) {
        // An empty policy would be refused; "every alert" is a policy on an attribute every alert carries.
        const text = JSON.stringify(policy ?? { [ALERT_ATTRIBUTES.language]: [{ exists: true }] });
        await client.send(
          new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: text }),
        );
        return;
      }
      const { SubscriptionArn } = await client.send(
        new SubscribeCommand({
          TopicArn: topicArn,
          Protocol: 'application',
          Endpoint: endpointArn,
          ...(policy ? { Attributes: { FilterPolicy: JSON.stringify(policy) } } : {}),
          ReturnSubscriptionArn: true,
        }),
      );
      const data: EndpointData = { subscriptionArn: SubscriptionArn };
      await client.send(new SetEndpointAttributesCommand({ EndpointArn: endpointArn, Attributes: { CustomUserData: JSON.stringify(data) } }));
    },
    async sweepDisabled() {
      const disabled: { endpointArn: string; subscriptionArn?: string }[] = [];
      for (const platform of platforms) {
        let nextToken: string | undefined;
        do {
          const page = await client.send(
            new ListEndpointsByPlatformApplicationCommand({ PlatformApplicationArn: applications[platform], NextToken: nextToken }),
          );
          for (const endpoint of page.Endpoints ?? []) {
            if (endpoint.EndpointArn && endpoint.Attributes?.Enabled === 'false') {
              disabled.push({ endpointArn: endpoint.EndpointArn, ...readData(endpoint.Attributes.CustomUserData) });
            }
          }
          nextToken = page.NextToken;
        } while (nextToken);
      }
      // Deleted after listing, so the listing's pages do not shift under it.
      for (const { endpointArn, subscriptionArn } of disabled) {
        if (subscriptionArn) await client.send(new UnsubscribeCommand({ SubscriptionArn: subscriptionArn }));
        await client.send(new DeleteEndpointCommand({ EndpointArn: endpointArn }));
      }
      return disabled.length;
    },
  };
}
