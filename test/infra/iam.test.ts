import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStage, policyStatements, type FlatStatement, type SynthesizedStage } from './support/synth-stage';

let stage: SynthesizedStage;
let ingest: FlatStatement[];
let consumer: FlatStatement[];
let publish: FlatStatement[];

beforeAll(() => {
  stage = synthStage();
  ingest = policyStatements(stage.app, 'IngestionFunctionRoleDefaultPolicy');
  consumer = policyStatements(stage.app, 'StreamConsumerFunctionRoleDefaultPolicy');
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

describe('invalidate-cdn function permissions', () => {
  it('creates invalidations on its own distribution only, and touches no bucket or table', () => {
    const statements = policyStatements(stage.app, 'InvalidationFunctionRoleDefaultPolicy');
    const invalidation = statements.filter((s) => s.actions.includes('cloudfront:CreateInvalidation'));
    expect(invalidation).toHaveLength(1);
    expect(invalidation[0]!.resources).toMatch(/SiteDistribution/);
    expect(actions(statements).filter((a) => a.startsWith('s3:') || a.startsWith('dynamodb:'))).toEqual([]);
  });
});

// One function renders and alerts (AWS allows two readers of a stream shard, so the stream has one consumer with two
// mappings): its role is the union of the two jobs' grants, so the alert job may write what the render job writes.
describe('stream consumer function permissions (render and alert jobs)', () => {
  it('cannot read the drafts bucket', () => {
    expect(on(consumer, /IntakeDraftsBucket/)).toEqual([]);
  });

  it('puts objects into the site bucket but neither reads nor deletes them', () => {
    const site = actions(on(consumer, /SiteSiteBucket/));
    expect(site).toContain('s3:PutObject');
    expect(site.filter((a) => /^s3:(Get|List|Delete)/.test(a))).toEqual([]);
  });

  it('touches no other bucket but puts its given-up stream batches into the failure bucket', () => {
    const s3 = consumer.filter((s) => s.actions.some((a) => a.startsWith('s3:')) && !/SiteSiteBucket/.test(s.resources));
    expect(s3.flatMap((s) => s.actions).sort()).toEqual(['s3:ListBucket', 's3:PutObject']);
    for (const statement of s3) expect(statement.resources).toMatch(/StreamFailuresBucket/);
  });

  it('reads and writes the article table, list items included', () => {
    expect(actions(on(consumer, /ArticleStoreTable/))).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']),
    );
  });

  it('never calls CloudFront; it only queues invalidation requests', () => {
    expect(consumer.filter((s) => s.actions.some((a) => a.startsWith('cloudfront:')))).toEqual([]);
    const send = consumer.filter((s) => s.actions.includes('sqs:SendMessage') && /InvalidationQueue/.test(s.resources));
    expect(send).toHaveLength(1);
  });

  it('publishes to the alerts topic only, never the editors or ops topic', () => {
    expect(on(consumer, /EditorsTopic/)).toEqual([]);
    const publish = consumer.filter((s) => s.actions.includes('sns:Publish'));
    expect(publish).toHaveLength(1);
    expect(publish[0]!.resources).toMatch(/NotificationsAlertsTopic/);
    expect(publish[0]!.resources).not.toMatch(/EditorsTopic|OpsTopic/);
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
