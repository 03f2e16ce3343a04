import { SNSClient } from '@aws-sdk/client-sns';

/** Options of {@link createSnsClient}. */
export interface SnsClientOptions {
  /** SDK attempts per call (the SDK's default when absent). */
  readonly maxAttempts?: number;
  /** Give up on a request with no answer after this long (no limit when absent). */
  readonly requestTimeoutMs?: number;
}

/** The SNS client; `AWS_ENDPOINT_URL_SNS` points it at the local SNS endpoint. */
export function createSnsClient(env: NodeJS.ProcessEnv = process.env, options: SnsClientOptions = {}): SNSClient {
  const endpoint = env.AWS_ENDPOINT_URL_SNS;
  return new SNSClient({
    ...(endpoint ? { endpoint } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.requestTimeoutMs ? { requestHandler: { requestTimeout: options.requestTimeoutMs } } : {}),
  });
}
