import * as z from '../../events/zod';
import { ENV } from '../../events/names';
import { createBedrockTakeawayProvider } from '../adapters/bedrock-takeaways';
import type { TakeawayProvider } from '../ports/takeaway-provider';
import { createBedrockClient } from './clients/bedrock-client';
import { configurationError } from './runtime-config';

/** Who writes the takeaways an editor left out, per stage. */
export type TakeawaysConfig = { readonly provider: 'extractive' } | { readonly provider: 'bedrock'; readonly modelId: string };

const takeawaysSchema = z.discriminatedUnion(ENV.takeawaysProvider, [
  z.object({ [ENV.takeawaysProvider]: z.literal('extractive') }),
  z.object({ [ENV.takeawaysProvider]: z.literal('bedrock'), [ENV.bedrockModelId]: z.string().check(z.minLength(1)) }),
]);

/**
 * Reads `TAKEAWAYS_PROVIDER` (`extractive`, the default when unset or empty, or `bedrock`) and,
 * for `bedrock`, `BEDROCK_MODEL_ID`.
 *
 * @throws ConfigurationError for another provider, or `bedrock` without a model id.
 */
export function readTakeawaysConfig(env: NodeJS.ProcessEnv = process.env): TakeawaysConfig {
  const parsed = takeawaysSchema.safeParse({
    [ENV.takeawaysProvider]: env[ENV.takeawaysProvider] || 'extractive',
    [ENV.bedrockModelId]: env[ENV.bedrockModelId] || undefined,
  });
  if (!parsed.success) {
    throw configurationError(env, parsed.error.issues, (key) => key || ENV.takeawaysProvider);
  }
  const data = parsed.data;
  return ENV.bedrockModelId in data ? { provider: 'bedrock', modelId: data[ENV.bedrockModelId] } : { provider: 'extractive' };
}

/**
 * The takeaway provider the environment configures: a Bedrock provider (and its client, whose
 * SDK package loads only then) when `TAKEAWAYS_PROVIDER=bedrock`, otherwise `undefined`, which
 * means the extractive method.
 */
export async function createTakeawayProvider(env: NodeJS.ProcessEnv = process.env): Promise<TakeawayProvider | undefined> {
  const config = readTakeawaysConfig(env);
  if (config.provider === 'extractive') return undefined;
  return createBedrockTakeawayProvider({ client: await createBedrockClient(env), modelId: config.modelId });
}
