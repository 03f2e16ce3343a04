import { SNSClient } from '@aws-sdk/client-sns';
import { FRESH_CONNECTIONS } from './fresh-connections';

/** Options of {@link createSnsClient}. */
export interface SnsClientOptions {
  /** SDK attempts per call (the SDK's default when absent). */
  readonly maxAttempts?: number;
  /** Give up on a request with no answer after this long (no limit when absent). */
  readonly requestTimeoutMs?: number;
  /** A new connection for every request (see {@link FRESH_CONNECTIONS}). */
  readonly newConnectionEachRequest?: boolean;
}

/** The SNS client; `AWS_ENDPOINT_URL_SNS` points it at the local SNS endpoint. */
export function createSnsClient(env: NodeJS.ProcessEnv = process.env, options: SnsClientOptions = {}): SNSClient {
  const endpoint = env.AWS_ENDPOINT_URL_SNS;
  return new SNSClient({
    ...(endpoint ? { endpoint } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    requestHandler: {
      ...(options.requestTimeoutMs ? { requestTimeout: options.requestTimeoutMs } : {}),
      ...(options.newConnectionEachRequest ? FRESH_CONNECTIONS : {}),
    },
  });
}
