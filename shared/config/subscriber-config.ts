import * as z from '../../events/zod';
import { ENV } from '../../events/names';
import { SUBSCRIBER_ENV } from '../../events/subscriber-names';
import { createSecretLoader } from '../adapters/link-secret';
import type { VapidKeys } from '../adapters/web-push-sender';
import { createSsmClient } from './clients/ssm-client';
import { ConfigurationError, nonEmptySettingSchema, optionalSettingSchema, publicationSettingSchema, siteUrlSettingSchema } from './runtime-config';

const schema = z.object({
  tableName: nonEmptySettingSchema,
  secretParameter: optionalSettingSchema,
  secretFile: optionalSettingSchema,
  fromAddress: z.optional(z.string().check(z.minLength(3))),
  configurationSet: optionalSettingSchema,
  emailBatchQueueUrl: z.optional(z.url()),
  sendRatePerSecond: z._default(z.coerce.number().check(z.positive()), 14),
  vapidPublicKey: z.optional(z.string().check(z.regex(/^[\w-]{80,100}$/))),
  vapidPrivateKeyParameter: optionalSettingSchema,
  vapidPrivateKeyFile: optionalSettingSchema,
  originToken: z.optional(z.string().check(z.minLength(32))),
  vapidSubject: z._default(z.string().check(z.regex(/^(mailto:|https:)/)), 'mailto:alerts@newsroom.example'),
  apnsApplicationArn: z.optional(z.string().check(z.regex(/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:app\/APNS(_SANDBOX)?\/[\w.-]+$/))),
  fcmApplicationArn: z.optional(z.string().check(z.regex(/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:app\/GCM\/[\w.-]+$/))),
  /** The alerts topic devices are subscribed to (the API needs it only with a platform application). */
  alertsTopicArn: optionalSettingSchema,
  siteUrl: siteUrlSettingSchema,
  publication: publicationSettingSchema,
});

/** Settings of the subscription functions (names in `SUBSCRIBER_ENV`, plus the site URL and publication). */
export type SubscriberConfig = z.infer<typeof schema>;

/**
 * Reads the subscription functions' settings from the environment.
 * @throws ConfigurationError naming each missing or malformed variable.
 */
export function readSubscriberConfig(env: NodeJS.ProcessEnv = process.env): SubscriberConfig {
  const raw = {
    ...Object.fromEntries(Object.entries(SUBSCRIBER_ENV).map(([key, name]) => [key, env[name] || undefined])),
    alertsTopicArn: env[ENV.alertsTopicArn] || undefined,
    siteUrl: env[ENV.siteUrl] || undefined,
    publication: env[ENV.publication] || undefined,
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigurationError(`Invalid configuration: ${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The loader of the link-signing secret the configuration names (a file wins over an SSM parameter). */
export function linkSecret(config: SubscriberConfig): () => Promise<string> {
  if (config.secretFile) return createSecretLoader({ file: config.secretFile });
  if (config.secretParameter) return createSecretLoader({ parameter: config.secretParameter, client: createSsmClient() });
  throw new ConfigurationError(`Invalid configuration: set ${SUBSCRIBER_ENV.secretFile} or ${SUBSCRIBER_ENV.secretParameter}`);
}

/** The `From` address, required by the functions that send email. */
export function fromAddress(config: SubscriberConfig): string {
  if (!config.fromAddress) throw new ConfigurationError(`Invalid configuration: ${SUBSCRIBER_ENV.fromAddress} is not set`);
  return config.fromAddress;
}

/** The VAPID keys, when the stage has web push: the public key from the environment, the private key from a file or SSM. */
export function vapidKeys(config: SubscriberConfig): (() => Promise<VapidKeys>) | undefined {
  const { vapidPublicKey: publicKey, vapidPrivateKeyFile: file, vapidPrivateKeyParameter: parameter } = config;
  if (!publicKey || (!file && !parameter)) return undefined;
  const load = file
    ? createSecretLoader({ file, minLength: 40 })
    : createSecretLoader({ parameter: parameter ?? '', client: createSsmClient(), minLength: 40 });
  return async () => ({ subject: config.vapidSubject, publicKey, privateKey: await load() });
}
