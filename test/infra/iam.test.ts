import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStage, policyStatements, type FlatStatement, type SynthesizedStage } from './support/synth-stage';

let stage: SynthesizedStage;
let ingest: FlatStatement[];
let render: FlatStatement[];
let notify: FlatStatement[];
let publish: FlatStatement[];

beforeAll(() => {
  stage = synthStage();
  ingest = policyStatements(stage.app, 'IngestionFunctionRoleDefaultPolicy');
  render = policyStatements(stage.app, 'RenderingConsumerFunctionRoleDefaultPolicy');
  notify = policyStatements(stage.app, 'AlertingConsumerFunctionRoleDefaultPolicy');
  publish = policyStatements(stage.app, 'SchedulingPublishFunctionRoleDefaultPolicy');
});

const on = (statements: FlatStatement[], resource: RegExp) => statements.filter((s) => resource.test(s.resources));
const actions = (statements: FlatStatement[]) => statements.flatMap((s) => s.actions);

describe('ingest function permissions', () => {
  it('only puts objects into the site bucket, under assets/images/ (copied images) and preview/ (previews)', () => {
    const site = on(ingest, /SiteSiteBucket/);
    expect(site.length).toBeGreaterThan(0);
    for (const statement of site) {
      expect(statement.resources).toMatch(/\/(assets\/images|preview)\/\*/);
      expect(statement.actions.every((action) => action.startsWith('s3:PutObject') || action.startsWith('s3:Abort'))).toBe(true);
    }
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

  it('creates, updates and deletes schedules in the newsroom schedule group only', () => {
    const scheduling = ingest.filter((s) => s.actions.some((a) => a.startsWith('scheduler:')));
    expect(actions(scheduling).sort()).toEqual(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:UpdateSchedule']);
    for (const statement of scheduling) {
      expect(statement.resources).toMatch(/:schedule\/.*PublishSchedules-?Group.*\/\*"/);
    }
  });

  it('passes the scheduler role and no other role', () => {
    const passRole = ingest.filter((s) => s.actions.includes('iam:PassRole'));
    expect(passRole).toHaveLength(1);
    expect(passRole[0]!.resources).toMatch(/PublishSchedulesSchedulerRole/);
  });
});

describe('render function permissions', () => {
  it('cannot read the drafts bucket', () => {
    expect(on(render, /IntakeDraftsBucket/)).toEqual([]);
  });

  it('puts objects into the site bucket but neither reads nor deletes them', () => {
    const site = actions(on(render, /SiteSiteBucket/));
    expect(site).toContain('s3:PutObject');
    expect(site.filter((a) => /^s3:(Get|List|Delete)/.test(a))).toEqual([]);
  });

  it('reads and writes the article table, list items included', () => {
    expect(actions(on(render, /ArticleStoreTable/))).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']),
    );
  });

  it('never calls CloudFront; it only queues invalidation requests', () => {
    expect(render.filter((s) => s.actions.some((a) => a.startsWith('cloudfront:')))).toEqual([]);
    const send = render.filter((s) => s.actions.includes('sqs:SendMessage') && /InvalidationQueue/.test(s.resources));
    expect(send).toHaveLength(1);
  });
});

describe('invalidate-cdn function permissions', () => {
  it('creates invalidations on its own distribution only, and touches no bucket or table', () => {
    const statements = policyStatements(stage.app, 'InvalidationFunctionRoleDefaultPolicy');
    const invalidation = statements.filter((s) => s.actions.includes('cloudfront:CreateInvalidation'));
    expect(invalidation).toHaveLength(1);
    expect(invalidation[0]!.resources).toMatch(/SiteDistribution/);
    expect(actions(statements).filter((a) => a.startsWith('s3:') || a.startsWith('dynamodb:'))).toEqual([]);
  });
});

describe('notify function permissions', () => {
  it('cannot publish to the editors topic', () => {
    expect(on(notify, /EditorsTopic/)).toEqual([]);
  });

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

  it('touches no bucket but puts its given-up stream batches into the failure bucket', () => {
    const s3 = notify.filter((s) => s.actions.some((a) => a.startsWith('s3:')));
    expect(s3.flatMap((s) => s.actions).sort()).toEqual(['s3:ListBucket', 's3:PutObject']);
    for (const statement of s3) expect(statement.resources).toMatch(/StreamFailuresBucket/);
  });
});

describe('publish-scheduled function permissions', () => {
  it('touches no bucket', () => {
    expect(actions(publish).filter((a) => a.startsWith('s3:'))).toEqual([]);
    expect(on(publish, /Bucket/)).toEqual([]);
  });

  it('reads and writes the article table', () => {
    expect(actions(on(publish, /ArticleStoreTable/))).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:UpdateItem']));
  });

  it('publishes to no topic and manages no schedule', () => {
    expect(actions(publish).filter((a) => a.startsWith('sns:') || a.startsWith('scheduler:'))).toEqual([]);
  });
});

describe('scheduler role', () => {
  it('may send to the publish queue and its dead-letter queue, nothing else', () => {
    const statements = policyStatements(stage.data, 'PublishSchedulesSchedulerRoleDefaultPolicy');
    expect(statements).toHaveLength(2);
    for (const statement of statements) {
      expect(statement.actions.every((a) => a.startsWith('sqs:Send') || a === 'sqs:GetQueueAttributes' || a === 'sqs:GetQueueUrl')).toBe(true);
      expect(statement.resources).toMatch(/PublishSchedules(DeadLetter)?Queue/);
    }
  });

  it('is assumable by EventBridge Scheduler only', () => {
    stage.data.hasResourceProperties('AWS::IAM::Role', {
      Description: 'Lets EventBridge Scheduler send newsroom publish schedules to the publish queue',
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' } })],
      },
    });
  });
});
