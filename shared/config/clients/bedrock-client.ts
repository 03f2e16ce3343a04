import type { BedrockRuntime } from '@aws-sdk/client-bedrock-runtime';

/**
 * The Bedrock Runtime client. On AWS nothing is overridden (the function's region);
 * `AWS_ENDPOINT_URL_BEDROCK_RUNTIME` points it elsewhere. No local stand-in exists, so
 * locally the takeaways provider stays `extractive` unless this is set.
 *
 * The SDK package is imported here, on first use, and not at module load: only stages
 * that turn Bedrock on pay for loading it (about 35 ms of a cold start on this machine).
 */
export async function createBedrockClient(env: NodeJS.ProcessEnv = process.env): Promise<BedrockRuntime> {
  const { BedrockRuntime } = await import('@aws-sdk/client-bedrock-runtime');
  const endpoint = env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
  return new BedrockRuntime(endpoint ? { endpoint } : {});
}
