import { beforeAll, describe, expect, it } from 'vitest';
import { synthStage, policyStatements, type FlatStatement, type SynthesizedStage } from './support/synth-stage';

let stage: SynthesizedStage;
let ingest: FlatStatement[];
let render: FlatStatement[];
let notify: FlatStatement[];

beforeAll(() => {
  stage = synthStage();
  ingest = policyStatements(stage.app, 'IngestionFunctionRoleDefaultPolicy');
  render = policyStatements(stage.app, 'RenderingConsumerFunctionRoleDefaultPolicy');
  notify = policyStatements(stage.app, 'AlertingConsumerFunctionRoleDefaultPolicy');
});

const on = (statements: FlatStatement[], resource: RegExp) => statements.filter((s) => resource.test(s.resources));
const actions = (statements: FlatStatement[]) => statements.flatMap((s) => s.actions);

describe('ingest function permissions', () => {
  it('cannot touch the site bucket', () => {
    expect(on(ingest, /SiteSiteBucket/)).toEqual([]);
  });

  it('reads drafts under drafts/ and writes only under reports/', () => {
    const drafts = on(ingest, /IntakeDraftsBucket/);
    expect(actions(drafts.filter((s) => s.actions.includes('s3:PutObject'))).length).toBeGreaterThan(0);
    for (const statement of drafts.filter((s) => s.actions.includes('s3:PutObject'))) {
      expect(statement.resources).toMatch(/\/reports\/\*/);
      expect(statement.resources).not.toMatch(/\/drafts\/\*/);
    }
  });

  it('publishes to the editors topic only', () => {
    const publish = ingest.filter((s) => s.actions.includes('sns:Publish'));
    expect(publish.map((s) => s.resources).join()).toMatch(/NotificationsEditorsTopic/);
    expect(publish.map((s) => s.resources).join()).not.toMatch(/AlertsTopic|OpsTopic/);
  });

  it('may manage schedules in the newsroom group and pass the scheduler role', () => {
    expect(actions(ingest)).toEqual(expect.arrayContaining(['scheduler:CreateSchedule', 'iam:PassRole']));
  });
});

describe('render function permissions', () => {
  it('cannot read the drafts bucket', () => {
    expect(on(render, /IntakeDraftsBucket/)).toEqual([]);
  });

  it('writes the site bucket', () => {
    expect(actions(on(render, /SiteSiteBucket/))).toEqual(expect.arrayContaining(['s3:PutObject', 's3:DeleteObject*']));
  });

  it('creates invalidations on its own distribution only', () => {
    const invalidation = render.filter((s) => s.actions.includes('cloudfront:CreateInvalidation'));
    expect(invalidation).toHaveLength(1);
    expect(invalidation[0]!.resources).toMatch(/SiteDistribution/);
  });
});

describe('notify function permissions', () => {
  it('publishes to the alerts topic only', () => {
    const publish = notify.filter((s) => s.actions.includes('sns:Publish'));
    expect(publish).toHaveLength(1);
    expect(publish[0]!.resources).toMatch(/NotificationsAlertsTopic/);
    expect(publish[0]!.resources).not.toMatch(/EditorsTopic|OpsTopic/);
  });

  it('never deletes or batch-writes table items', () => {
    expect(actions(notify)).not.toEqual(expect.arrayContaining(['dynamodb:DeleteItem']));
    expect(actions(notify)).not.toContain('dynamodb:BatchWriteItem');
  });

  it('touches no bucket', () => {
    expect(actions(notify).filter((a) => a.startsWith('s3:'))).toEqual([]);
  });
});

describe('scheduler role', () => {
  it('may invoke the publish function only', () => {
    const statements = policyStatements(stage.app, 'SchedulingSchedulerRoleDefaultPolicy');
    expect(actions(statements)).toEqual(['lambda:InvokeFunction']);
    expect(statements[0]!.resources).toMatch(/SchedulingPublishFunction/);
  });
});
