import type { ConverseClient } from '../../adapters/bedrock-takeaways';

/**
 * The Bedrock Runtime client's Converse call. On AWS nothing is overridden (the function's
 * region); `AWS_ENDPOINT_URL_BEDROCK_RUNTIME` points it elsewhere. No local stand-in exists,
 * so locally the takeaways provider stays `extractive` unless this is set.
 *
 * The SDK is imported on first use, and only the bare client and its Converse command:
 * the bundle still carries what `import()` reaches, and V8 compiles it at every cold start,
 * so the aggregated `BedrockRuntime` (every command, event streams) cost each stage about
 * 30 ms of CPU whether Bedrock was on or not (`npm run bench -- size`).
 */
export async function createBedrockClient(env: NodeJS.ProcessEnv = process.env): Promise<ConverseClient> {
  const { createConverseClient } = await import('./bedrock-converse');
  return createConverseClient(env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME);
}
