import { SESv2Client } from '@aws-sdk/client-sesv2';

/** The SES v2 client; `AWS_ENDPOINT_URL_SESV2` points it at aws-ses-v2-local. */
export function createSesV2Client(env: NodeJS.ProcessEnv = process.env): SESv2Client {
  const endpoint = env.AWS_ENDPOINT_URL_SESV2;
  return new SESv2Client(endpoint ? { endpoint } : {});
}
