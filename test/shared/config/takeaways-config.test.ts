import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../shared/config/runtime-config';
import { createTakeawayProvider, readTakeawaysConfig } from '../../../shared/config/takeaways-config';

describe('readTakeawaysConfig', () => {
  it('uses the extractive method when TAKEAWAYS_PROVIDER is not set', () => {
    expect(readTakeawaysConfig({})).toEqual({ provider: 'extractive' });
  });

  it('reads the Bedrock model id when TAKEAWAYS_PROVIDER is bedrock', () => {
    expect(readTakeawaysConfig({ TAKEAWAYS_PROVIDER: 'bedrock', BEDROCK_MODEL_ID: 'eu.amazon.nova-lite-v1:0' })).toEqual({
      provider: 'bedrock',
      modelId: 'eu.amazon.nova-lite-v1:0',
    });
  });

  it('refuses bedrock without a model id', () => {
    expect(() => readTakeawaysConfig({ TAKEAWAYS_PROVIDER: 'bedrock' })).toThrow(ConfigurationError);
  });

  it('refuses an unknown provider', () => {
    expect(() => readTakeawaysConfig({ TAKEAWAYS_PROVIDER: 'openai' })).toThrow(/TAKEAWAYS_PROVIDER/);
  });
});

describe('createTakeawayProvider', () => {
  it('creates no provider by default', async () => {
    expect(await createTakeawayProvider({})).toBeUndefined();
  });

  it('creates the Bedrock provider when configured', async () => {
    const env = { TAKEAWAYS_PROVIDER: 'bedrock', BEDROCK_MODEL_ID: 'm', AWS_REGION: 'eu-west-1' };
    expect((await createTakeawayProvider(env))?.name).toBe('bedrock');
  });
});
