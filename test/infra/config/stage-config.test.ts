import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../infra/config/paths';
import { parseStageConfigs, STAGES_CONTEXT_KEY, StageConfigError } from '../../../infra/config/stage-config';

const base = { publication: 'The Test Times' };

describe('parseStageConfigs', () => {
  it('parses the staging and production stages of cdk.json', () => {
    const cdkJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8'));
    expect(parseStageConfigs(cdkJson.context[STAGES_CONTEXT_KEY]).map((s) => s.name)).toEqual(['staging', 'production']);
  });

  it('defaults to retaining data and a 30-day log retention', () => {
    const [stage] = parseStageConfigs({ test: base });
    expect(stage).toMatchObject({ retainData: true, logRetentionDays: 30, alertSubscriptions: [] });
  });

  it('rejects a certificate outside us-east-1, which CloudFront cannot use', () => {
    const domain = { name: 'news.example.com', certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' };
    expect(() => parseStageConfigs({ test: { ...base, domain } })).toThrow(StageConfigError);
  });

  it('rejects a log retention CloudWatch does not offer', () => {
    expect(() => parseStageConfigs({ test: { ...base, logRetentionDays: 10 } })).toThrow(/retention/);
  });

  it('rejects a misspelt setting', () => {
    expect(() => parseStageConfigs({ test: { ...base, opsEmail: ['ops@example.com'] } })).toThrow(StageConfigError);
  });

  it('rejects an absent stages context', () => {
    expect(() => parseStageConfigs(undefined)).toThrow(StageConfigError);
  });
});
