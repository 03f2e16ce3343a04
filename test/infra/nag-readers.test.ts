import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { STAGES_CONTEXT_KEY } from '../../infra/config/stage-config';
import { buildNewsroomApp } from '../../infra/newsroom-app';
import { acknowledgedWildcards } from '../../infra/nag/wildcard-acknowledgments';
import { scratchDir } from '../support/scratch-dir';
import { HELLO_ENTRY } from './support/synth-stage';

describe('a stage with readers (subscriber table, subscription API behind /api/*, SES, web push)', () => {
  it('synthesizes with CloudFormation validation and no unacknowledged cdk-nag error', () => {
    const stages = {
      readers: {
        publication: 'The Reader Times',
        opsEmails: ['ops@example.com'],
        retainData: false,
        readers: {
          fromAddress: 'The Reader Times <alerts@news.example>',
          secretParameterName: '/newsroom/readers/link-secret',
          webPush: {
            publicKey: 'B'.repeat(87),
            privateKeyParameterName: '/newsroom/readers/vapid-private-key',
            subject: 'mailto:alerts@news.example',
          },
        },
      },
    };
    const app = new App({ outdir: scratchDir('cdk.out-'), context: { [STAGES_CONTEXT_KEY]: stages, 'aws:cdk:bundling-stacks': [] } });
    buildNewsroomApp(app, {
      entries: { 'ingest-draft': HELLO_ENTRY, 'stream-consumer': HELLO_ENTRY, 'publish-scheduled': HELLO_ENTRY },
    });
    const assembly = app.synth();
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(['Newsroom-readers-App', 'Newsroom-readers-Data']);
    for (const { reason } of acknowledgedWildcards(app)) expect(reason.length).toBeGreaterThan(20);
  }, 180_000);
});
