import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../events/names';
import { DRAFT_NONCURRENT_VERSION_DAYS } from '../../infra/constructs/intake';
import { EMAIL_BATCH_QUEUE_PREFIX } from '../../infra/cli/alerts-target';
import { APP_QUEUE_PREFIXES, RECOVERY_PARAMETER_KEYS } from '../../infra/cli/recovery-commands';
import { STAGE_PARAMETER_KEYS, stageParameterName } from '../../infra/config/stage-parameters';
import { dataValueOf, policyStatements, synthStage, testStageConfig, type SynthesizedStage } from './support/synth-stage';

// Defects a real account would show after `cdk deploy` that the local stack hides (issue 12).

let retained: SynthesizedStage;
let destroyable: SynthesizedStage;

beforeAll(() => {
  retained = synthStage();
  destroyable = synthStage(testStageConfig({ retainData: false }));
});

type Statement = { Effect: string; Principal?: unknown; Action: string | string[]; Condition?: Record<string, Record<string, unknown>> };
const actionsOf = (statement: Statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]);
const logicalId = (stage: SynthesizedStage, construct: { node: { defaultChild?: unknown } }) =>
  stage.stacks.data.getLogicalId(construct.node.defaultChild as never);

describe('ops alarms', () => {
  it('may publish to the ops topic despite enforceSSL, for this account’s alarms only', () => {
    const opsTopicId = logicalId(retained, retained.stacks.data.notifications.opsTopic);
    const policies = Object.values(retained.data.findResources('AWS::SNS::TopicPolicy')).filter((policy) =>
      JSON.stringify(policy.Properties.Topics).includes(opsTopicId),
    );
    const statements: Statement[] = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    const allow = statements.find((s) => s.Effect === 'Allow' && actionsOf(s).includes('sns:Publish'));
    expect(allow?.Principal).toEqual({ Service: 'cloudwatch.amazonaws.com' });
    expect(allow?.Condition?.StringEquals?.['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    expect(JSON.stringify(allow?.Condition?.ArnLike?.['aws:SourceArn'])).toMatch(/:cloudwatch:.*:alarm:\*/);
  });

  it('use the topics key only as this account’s CloudWatch alarms', () => {
    const [key] = Object.values(retained.data.findResources('AWS::KMS::Key'));
    const statement = (key!.Properties.KeyPolicy.Statement as Statement[]).find(
      (s) => JSON.stringify(s.Principal) === JSON.stringify({ Service: 'cloudwatch.amazonaws.com' }),
    );
    expect(statement?.Condition?.StringEquals?.['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    expect(JSON.stringify(statement?.Condition?.ArnLike?.['aws:SourceArn'])).toMatch(/:cloudwatch:.*:alarm:\*/);
  });
});

describe('stream mappings', () => {
  it('start at the oldest record kept, so a mapping created by a redeploy skips nothing', () => {
    const mappings = Object.values(retained.app.findResources('AWS::Lambda::EventSourceMapping')).filter(
      (m) => m.Properties.StartingPosition !== undefined,
    );
    expect(mappings.length).toBeGreaterThanOrEqual(2);
    for (const mapping of mappings) expect(mapping.Properties.StartingPosition).toBe('TRIM_HORIZON');
  });
});

describe('removal settings per stage', () => {
  it('keep deletion protection and retain buckets on a retained stage', () => {
    const [table] = Object.values(retained.data.findResources('AWS::DynamoDB::Table'));
    expect(table!.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table!.DeletionPolicy).toBe('Retain');
    expect(Object.keys(retained.data.findResources('Custom::S3AutoDeleteObjects'))).toEqual([]);
  });

  it('let a destroyable stage be torn down: no deletion protection, every bucket emptied on delete', () => {
    const [table] = Object.values(destroyable.data.findResources('AWS::DynamoDB::Table'));
    expect(table!.DeletionPolicy).toBe('Delete');
    expect(table!.Properties.DeletionProtectionEnabled).toBe(false);
    const buckets = destroyable.data.findResources('AWS::S3::Bucket');
    const emptied = Object.values(destroyable.data.findResources('Custom::S3AutoDeleteObjects')).map((r) => JSON.stringify(r.Properties.BucketName));
    expect(Object.keys(buckets).length).toBeGreaterThanOrEqual(3);
    for (const [id, bucket] of Object.entries(buckets)) {
      expect(bucket.DeletionPolicy).toBe('Delete');
      expect(emptied.some((name) => name.includes(`"${id}"`))).toBe(true);
    }
  });
});

describe('drafts bucket', () => {
  it('expires replaced and deleted draft versions instead of keeping them forever', () => {
    const id = logicalId(retained, retained.stacks.data.intake.draftsBucket);
    const rules = retained.data.findResources('AWS::S3::Bucket')[id]!.Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: DRAFT_NONCURRENT_VERSION_DAYS } })]),
    );
  });
});

describe('Bedrock takeaways', () => {
  const PROFILE = 'eu.amazon.nova-lite-v1:0';
  let invoke: Array<Record<string, any>>;
  beforeAll(() => {
    const stage = synthStage(testStageConfig({ takeaways: { provider: 'bedrock', modelId: PROFILE } }));
    const policies = Object.entries(stage.app.findResources('AWS::IAM::Policy')).filter(([id]) => id.startsWith('Ingestion'));
    invoke = policies
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Array<Record<string, any>>)
      .filter((s) => [s.Action].flat().includes('bedrock:InvokeModel'));
  });

  it('grant an inference profile id as the profile, not as a foundation model of that name', () => {
    const resources = JSON.stringify(invoke.map((s) => s.Resource));
    expect(resources).toContain(`:inference-profile/${PROFILE}`);
    expect(resources).not.toContain(`foundation-model/${PROFILE}`);
  });

  it('grant the profile’s model in every Region it routes to, only through that profile', () => {
    const model = invoke.find((s) => JSON.stringify(s.Resource).includes('foundation-model/'));
    expect(JSON.stringify(model?.Resource)).toContain(':bedrock:*::foundation-model/amazon.nova-lite-v1:0');
    expect(JSON.stringify(model?.Condition?.StringEquals?.['bedrock:InferenceProfileArn'])).toContain(`:inference-profile/${PROFILE}`);
  });
});

describe('least privilege', () => {
  it('ingest can neither list the drafts bucket nor read its bucket settings', () => {
    const actions = policyStatements(retained.app, 'IngestionFunctionRoleDefaultPolicy').flatMap((s) => s.actions);
    expect(actions).toContain('s3:GetObject');
    expect(actions.filter((a) => /^s3:(List|GetBucket)/.test(a))).toEqual([]);
  });

  it('EventBridge Scheduler assumes the scheduler role only for this account’s schedule group', () => {
    const roles = Object.values(retained.data.findResources('AWS::IAM::Role')).filter((role) =>
      JSON.stringify(role.Properties.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'),
    );
    expect(roles).toHaveLength(1);
    const [statement] = roles[0]!.Properties.AssumeRolePolicyDocument.Statement as Statement[];
    expect(statement!.Condition?.StringEquals?.['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    expect(JSON.stringify(statement!.Condition?.ArnEquals?.['aws:SourceArn'])).toMatch(/PublishSchedulesGroup.*Arn/);
  });
});

describe('scheduled publishing', () => {
  it('keeps its schedule group in the Data stack, retained, so replacing App deletes no pending embargo', () => {
    const [group] = Object.values(retained.data.findResources('AWS::Scheduler::ScheduleGroup'));
    expect(group?.DeletionPolicy).toBe('Retain');
    expect(Object.keys(retained.app.findResources('AWS::Scheduler::ScheduleGroup'))).toEqual([]);
  });

  it('names in every schedule a target and role of the Data stack, which survive replacing App', () => {
    const ingest = Object.values(retained.app.findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'ingest-draft',
    );
    const variables = ingest!.Properties.Environment.Variables;
    for (const name of [ENV.publishTargetArn, ENV.schedulerRoleArn, ENV.scheduleDeadLetterArn]) {
      expect(dataValueOf(retained, variables[name])).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^PublishSchedules/), 'Arn'] });
    }
  });
});

describe('functions and delivery', () => {
  it('apply the source maps they ship to stack traces', () => {
    const functions = Object.entries(retained.app.findResources('AWS::Lambda::Function')).filter(
      ([, fn]) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME,
    );
    expect(functions.length).toBeGreaterThanOrEqual(4);
    for (const [, fn] of functions) expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
  });

  it('serve readers from every edge location', () => {
    const [distribution] = Object.values(retained.data.findResources('AWS::CloudFront::Distribution'));
    expect(distribution!.Properties.DistributionConfig.PriceClass).toBe('PriceClass_All');
  });
});

describe('values the Data stack hands to the App stack', () => {
  const env = { account: '123456789012', region: 'eu-west-1' };
  const readers = { fromAddress: 'news@example.com', secretParameterName: '/newsroom/test/link-secret' };
  const domain = { name: 'news.example.com', hostedZone: { id: 'Z0123456789ABC', name: 'example.com' } };
  let before: SynthesizedStage;
  let after: SynthesizedStage;
  beforeAll(() => {
    before = synthStage(testStageConfig({ env, readers }));
    after = synthStage(testStageConfig({ env, readers, domain }));
  });

  const parameterNames = (stage: SynthesizedStage) => ({
    written: Object.values(stage.data.findResources('AWS::SSM::Parameter'))
      .map((p) => p.Properties.Name as string)
      .sort(),
    read: Object.values(stage.app.toJSON().Parameters ?? {})
      .filter((p: any) => String(p.Type).startsWith('AWS::SSM::Parameter::Value') && String(p.Default).startsWith('/newsroom/'))
      .map((p: any) => p.Default as string)
      .sort(),
  });

  it('are no exports: App imports nothing, so setting a custom domain on a deployed stage drops no export in use', () => {
    for (const stage of [before, after]) {
      expect(JSON.stringify(stage.app.toJSON())).not.toContain('Fn::ImportValue');
      const exported = Object.values(stage.data.toJSON().Outputs ?? {}).filter((output: any) => output.Export !== undefined);
      expect(exported).toEqual([]);
    }
  });

  it('are SSM parameters of the same names with and without the domain, every one App reads written by Data', () => {
    const [was, is] = [parameterNames(before), parameterNames(after)];
    expect(is).toEqual(was);
    for (const name of is.read) expect(is.written).toContain(name);
    expect(is.written).toEqual(expect.arrayContaining(Object.keys(STAGE_PARAMETER_KEYS).map((key) => stageParameterName('test', key as never))));
  });

  it('serve newsroom alerts --stage: the tables and site URL it reads are written, its batch queue is one App logical id', () => {
    const written = parameterNames(before).written;
    for (const key of ['articleTableName', 'subscriberTableName', 'siteUrl'] as const) expect(written).toContain(stageParameterName('test', key));
    const queues = Object.keys(before.app.findResources('AWS::SQS::Queue'));
    expect(queues.filter((id) => id.startsWith(EMAIL_BATCH_QUEUE_PREFIX))).toHaveLength(1);
  });

  it('change only in value: the site URL parameter now holds the custom domain', () => {
    const siteUrl = (stage: SynthesizedStage) =>
      Object.values(stage.data.findResources('AWS::SSM::Parameter')).find((p) => p.Properties.Name === stageParameterName('test', 'siteUrl'))
        ?.Properties.Value;
    expect(JSON.stringify(siteUrl(before))).toMatch(/SiteDistribution.*DomainName/);
    expect(siteUrl(after)).toBe('https://news.example.com');
  });
});

describe('newsroom redrive --stage', () => {
  it('finds each queue it replays into, and the queue it drains, by one App logical id each', () => {
    const queues = Object.keys(retained.app.findResources('AWS::SQS::Queue'));
    for (const prefix of Object.values(APP_QUEUE_PREFIXES)) expect(queues.filter((id) => id.startsWith(prefix))).toHaveLength(1);
  });

  it('reads the table, intake queues and stream failure bucket from parameters the Data stack writes', () => {
    const written = Object.values(retained.data.findResources('AWS::SSM::Parameter')).map((p) => p.Properties.Name);
    for (const key of RECOVERY_PARAMETER_KEYS) {
      expect(written).toContain(stageParameterName('test', key));
    }
  });
});
