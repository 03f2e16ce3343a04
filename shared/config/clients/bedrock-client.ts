import type { ConverseClient } from '../../adapters/bedrock-takeaways';
import { BEDROCK_CONVERSE_CHUNK, chunkSpecifier } from '../lazy-chunks';

/**
 * The Bedrock Runtime client's Converse call. On AWS nothing is overridden (the function's
 * region); `AWS_ENDPOINT_URL_BEDROCK_RUNTIME` points it elsewhere. No local stand-in exists,
 * so locally the takeaways provider stays `extractive` unless this is set.
 *
 * The SDK is imported on first use, and only the bare client and its Converse command. A
 * deployed bundle keeps it in a chunk of its own ({@link BEDROCK_CONVERSE_CHUNK}): inlined, V8 parsed
 * it at every cold start whether Bedrock was on or not (`npm run bench -- size`).
 */
export async function createBedrockClient(env: NodeJS.ProcessEnv = process.env): Promise<ConverseClient> {
  const { createConverseClient }: typeof import('./bedrock-converse') = await import(chunkSpecifier(BEDROCK_CONVERSE_CHUNK, './bedrock-converse'));
  return createConverseClient(env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME);
}
