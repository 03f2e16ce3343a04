import * as z from 'zod';
import { invalidParameter } from './sns-api-error';

/** The JSON message keys of the subscription protocols other than `application`. */
const PROTOCOL_KEYS: Readonly<Record<string, string>> = {
  email: 'email',
  'email-json': 'email-json',
  sms: 'sms',
  http: 'http',
  https: 'https',
  sqs: 'sqs',
  lambda: 'lambda',
  firehose: 'firehose',
};

/**
 * Platform hints of local `application` endpoints (`<platform>:<device>`,
 * e.g. `apns:device-1`) and the JSON message key of each platform. Locally
 * an endpoint stands in for a platform endpoint ARN.
 */
const PLATFORM_KEYS: Readonly<Record<string, string>> = {
  apns: 'APNS',
  apns_sandbox: 'APNS_SANDBOX',
  fcm: 'GCM',
  gcm: 'GCM',
  adm: 'ADM',
  baidu: 'BAIDU',
  mpns: 'MPNS',
  wns: 'WNS',
};

/** The protocols a local subscription may use. */
export const SUPPORTED_PROTOCOLS: ReadonlySet<string> = new Set([...Object.keys(PROTOCOL_KEYS), 'application']);

const structuredMessageSchema = z.record(z.string(), z.string());

/** A message with `MessageStructure: json`: one string per protocol, `default` required. */
export type StructuredMessage = z.infer<typeof structuredMessageSchema>;

/**
 * Parses a `MessageStructure: json` message.
 * @throws SnsApiError InvalidParameter when it is not a JSON object of strings with a `default` key.
 */
export function parseStructuredMessage(message: string): StructuredMessage {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    throw invalidParameter('Message Structure - JSON message body failed to parse');
  }
  const parsed = structuredMessageSchema.safeParse(json);
  if (!parsed.success) throw invalidParameter('Message Structure - every entry of the JSON message must be a string');
  if (!Object.hasOwn(parsed.data, 'default')) {
    throw invalidParameter('Message Structure - No default entry in JSON message body');
  }
  return parsed.data;
}

/** The key of a structured message that a subscription receives (before falling back to `default`). */
export function messageKeyFor(protocol: string, endpoint: string): string {
  if (protocol === 'application') {
    const fromArn = /:endpoint\/([A-Z_]+)\//.exec(endpoint)?.[1];
    if (fromArn) return fromArn;
    const platform = endpoint.split(':', 1)[0]?.toLowerCase() ?? '';
    return PLATFORM_KEYS[platform] ?? 'default';
  }
  return PROTOCOL_KEYS[protocol] ?? 'default';
}

/** The message text one subscription receives: its protocol's entry of a structured message, else `default`. */
export function messageFor(message: string | StructuredMessage, protocol: string, endpoint: string): string {
  if (typeof message === 'string') return message;
  return message[messageKeyFor(protocol, endpoint)] ?? message.default ?? '';
}
