import { SESv2Client } from '@aws-sdk/client-sesv2';
import { FRESH_CONNECTIONS } from './fresh-connections';

/**
 * The SES v2 client; `AWS_ENDPOINT_URL_SESV2` points it at aws-ses-v2-local.
 * One attempt per send on a new connection: an SDK retry after SES accepted
 * (the answer lost to a timeout or a reset) would send the email twice, out of
 * the send ledger's sight. What is not certainly sent is the ledger's
 * `uncertain`, and throttling is the sender's to pace (`classifySesError`).
 */
export function createSesV2Client(env: NodeJS.ProcessEnv = process.env): SESv2Client {
  const endpoint = env.AWS_ENDPOINT_URL_SESV2;
  return new SESv2Client({ ...(endpoint ? { endpoint } : {}), maxAttempts: 1, requestHandler: FRESH_CONNECTIONS });
}
