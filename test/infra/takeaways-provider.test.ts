import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../events/names';
import { policyStatements, synthStage, testStageConfig, type SynthesizedStage } from './support/synth-stage';

function ingestEnvironment(stage: SynthesizedStage): Record<string, unknown> {
  const functions = stage.app.findResources('AWS::Lambda::Function');
  const ingest = Object.entries(functions).find(([id]) => id.startsWith('Ingestion'));
  if (!ingest) throw new Error('No ingestion function in the template');
  return (ingest[1] as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment.Variables;
}

describe('takeaways provider per stage', () => {
  let extractive: SynthesizedStage;
  let bedrock: SynthesizedStage;
  beforeAll(() => {
    extractive = synthStage();
    bedrock = synthStage(testStageConfig({ takeaways: { provider: 'bedrock', modelId: 'anthropic.claude-3-haiku-20240307-v1:0' } }));
  });

  it('is extractive by default, with no Bedrock access', () => {
    expect(ingestEnvironment(extractive)[ENV.takeawaysProvider]).toBe('extractive');
    expect(policyStatements(extractive.app, 'Ingestion').flatMap((s) => s.actions)).not.toContain('bedrock:InvokeModel');
  });

  it('lets ingest invoke only the configured model when a stage turns Bedrock on', () => {
    expect(ingestEnvironment(bedrock)).toMatchObject({
      [ENV.takeawaysProvider]: 'bedrock',
      [ENV.bedrockModelId]: 'anthropic.claude-3-haiku-20240307-v1:0',
    });
    const invoke = policyStatements(bedrock.app, 'Ingestion').filter((s) => s.actions.includes('bedrock:InvokeModel'));
    expect(invoke).toHaveLength(1);
    expect(invoke[0]?.resources).toContain('foundation-model/anthropic.claude-3-haiku-20240307-v1:0');
  });
});
