import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';

/**
 * The Bedrock Runtime client. On AWS nothing is overridden (the function's region);
 * `AWS_ENDPOINT_URL_BEDROCK_RUNTIME` points it elsewhere. No local stand-in exists, so
 * locally the takeaways provider stays `extractive` unless this is set.
 */
export function createBedrockClient(env: NodeJS.ProcessEnv = process.env): BedrockRuntimeClient {
  const endpoint = env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
  return new BedrockRuntimeClient(endpoint ? { endpoint } : {});
}
