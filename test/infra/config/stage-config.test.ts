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

  it('rejects a domain outside the hosted zone it names', () => {
    const domain = { name: 'news.example.com', hostedZone: { id: 'Z0123456789ABC', name: 'example.org' } };
    const env = { account: '123456789012', region: 'eu-west-1' };
    expect(() => parseStageConfigs({ test: { ...base, env, domain } })).toThrow(/inside its hosted zone/);
  });

  it('rejects a domain or a WAF on a stage without account and region, whose us-east-1 resources it could not reference', () => {
    expect(() => parseStageConfigs({ test: { ...base, domain: { name: 'news.example.com' } } })).toThrow(/needs env/);
    expect(() => parseStageConfigs({ test: { ...base, waf: {} } })).toThrow(/needs env/);
  });

  it('defaults the WAF rate limit and the monthly budget', () => {
    const [stage] = parseStageConfigs({ test: { ...base, env: { account: '123456789012', region: 'eu-west-1' }, waf: {} } });
    expect(stage).toMatchObject({ waf: { rateLimitPer5Minutes: 1000 }, monthlyBudgetUsd: 100 });
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
