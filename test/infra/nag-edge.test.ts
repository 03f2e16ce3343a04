import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { STAGES_CONTEXT_KEY } from '../../infra/config/stage-config';
import { buildNewsroomApp } from '../../infra/newsroom-app';
import { scratchDir } from '../support/scratch-dir';
import { HELLO_ENTRY } from './support/synth-stage';

describe('a stage with a custom domain and WAF, deployed outside us-east-1', () => {
  it('synthesizes its edge and edge monitoring stacks with no unacknowledged cdk-nag error', () => {
    const stages = {
      edge: {
        env: { account: '123456789012', region: 'eu-west-1' },
        publication: 'The Edge Times',
        opsEmails: ['ops@example.com'],
        domain: { name: 'news.example.com', hostedZone: { id: 'Z0123456789ABC', name: 'example.com' } },
        waf: {},
      },
    };
    const app = new App({ outdir: scratchDir('cdk.out-'), context: { [STAGES_CONTEXT_KEY]: stages, 'aws:cdk:bundling-stacks': [] } });
    buildNewsroomApp(app, {
      entries: { 'ingest-draft': HELLO_ENTRY, 'stream-consumer': HELLO_ENTRY, 'publish-scheduled': HELLO_ENTRY },
    });
    const assembly = app.synth();
    expect(assembly.stacks.map((s) => `${s.stackName} ${s.environment.region}`).sort()).toEqual([
      'Newsroom-edge-App eu-west-1',
      'Newsroom-edge-Data eu-west-1',
      'Newsroom-edge-Edge us-east-1',
      'Newsroom-edge-EdgeMonitoring us-east-1',
    ]);
  }, 180_000);
});
