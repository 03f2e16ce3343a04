import { SNSClient } from '@aws-sdk/client-sns';

/** Options of {@link createSnsClient}. */
export interface SnsClientOptions {
  /** SDK attempts per call (the SDK's default when absent). */
  readonly maxAttempts?: number;
  /** Give up on a request with no answer after this long (no limit when absent). */
  readonly requestTimeoutMs?: number;
  /**
   * A new connection for every request instead of an idle kept-alive one. For
   * requests sent once: a socket the server has since closed, or one a Lambda
   * instance frozen between invocations has let go stale, answers the request
   * with ECONNRESET, and a request sent once cannot tell whether it got through.
   */
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
      ...(options.newConnectionEachRequest ? { httpAgent: { keepAlive: false }, httpsAgent: { keepAlive: false } } : {}),
    },
  });
}
