import { SSMClient } from '@aws-sdk/client-ssm';

/** The SSM client (the link-signing secret's parameter). */
export function createSsmClient(): SSMClient {
  return new SSMClient({});
}
