import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import type { ConverseClient } from '../../adapters/bedrock-takeaways';

/**
 * A Converse call on a bare Bedrock Runtime client. Named imports, in a module of
 * its own that `createBedrockClient` imports on first use, so esbuild keeps only
 * this command: an `import()` of the SDK package itself would keep every export.
 */
export function createConverseClient(endpoint: string | undefined): ConverseClient {
  const client = new BedrockRuntimeClient(endpoint ? { endpoint } : {});
  return { converse: (input, options) => client.send(new ConverseCommand(input), options) };
}
