import { describe, expect, it } from 'vitest';
import { resolveStageOutputs, STAGE_OUTPUT_KEYS, StageOutputsNotFoundError, stageStackNames } from '../../../infra/config/stage-outputs';

function outputsOf(stage: string, overrides: Record<string, string> = {}) {
  return Object.values(STAGE_OUTPUT_KEYS).map((key) => ({ OutputKey: key, OutputValue: overrides[key] ?? `${stage}-${key}` }));
}

describe('resolveStageOutputs', () => {
  it('reads the drafts bucket of the requested stage, ignoring other stages', () => {
    const stacks = [
      { StackName: stageStackNames('production').data, Outputs: outputsOf('production') },
      { StackName: stageStackNames('staging').data, Outputs: outputsOf('staging', { [STAGE_OUTPUT_KEYS.draftsBucketName]: 'drafts-staging-abc' }) },
    ];
    expect(resolveStageOutputs(stacks, 'staging').draftsBucketName).toBe('drafts-staging-abc');
  });

  it('throws StageOutputsNotFoundError when the stage is not deployed', () => {
    const stacks = [{ StackName: stageStackNames('production').data, Outputs: outputsOf('production') }];
    expect(() => resolveStageOutputs(stacks, 'staging')).toThrow(StageOutputsNotFoundError);
  });

  it('names the missing output', () => {
    const stacks = [{ StackName: stageStackNames('staging').data, Outputs: outputsOf('staging').slice(1) }];
    expect(() => resolveStageOutputs(stacks, 'staging')).toThrow(Object.values(STAGE_OUTPUT_KEYS)[0]);
  });
});
