import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/config/paths';
import { acknowledgedWildcards } from '../../infra/nag/wildcard-acknowledgments';
import { buildNewsroomApp } from '../../infra/newsroom-app';
import { scratchDir } from '../support/scratch-dir';
import { HELLO_ENTRY } from './support/synth-stage';

describe('the newsroom app', () => {
  it('synthesizes every cdk.json stage with CloudFormation validation and no unacknowledged cdk-nag error', () => {
    const { context } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8'));
    const app = new App({ outdir: scratchDir('cdk.out-'), context: { ...context, 'aws:cdk:bundling-stacks': [] } });
    buildNewsroomApp(app, {
      entries: { 'ingest-draft': HELLO_ENTRY, 'stream-consumer': HELLO_ENTRY, 'publish-scheduled': HELLO_ENTRY },
    });
    const assembly = app.synth();
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual([
      'Newsroom-production-App',
      'Newsroom-production-Data',
      'Newsroom-staging-App',
      'Newsroom-staging-Data',
    ]);
    const wildcards = acknowledgedWildcards(app);
    expect(wildcards.length).toBeGreaterThan(0);
    for (const { finding, reason } of wildcards) {
      expect(finding).toContain('*');
      expect(reason.length).toBeGreaterThan(20);
    }
  }, 180_000);
});
