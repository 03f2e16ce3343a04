import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_SUFFIXES, DRAFTS_PREFIX, PREVIEWS_PREFIX } from '../../events/names';
import { INTAKE_MAX_RECEIVE_COUNT } from '../../infra/constructs/intake';
import { dataValueOf, synthStage, type SynthesizedStage } from './support/synth-stage';

let stage: SynthesizedStage;
let draftsBucketId: string;

beforeAll(() => {
  stage = synthStage();
  draftsBucketId = stage.stacks.data.getLogicalId(stage.stacks.data.intake.draftsBucket.node.defaultChild as never);
});

function draftsBucket() {
  return stage.data.findResources('AWS::S3::Bucket')[draftsBucketId]!.Properties;
}

describe('drafts bucket', () => {
  it('blocks all public access', () => {
    expect(draftsBucket().PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  it('encrypts objects at rest', () => {
    expect(draftsBucket().BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual({
      SSEAlgorithm: 'AES256',
    });
  });

  it('keeps every version so an overwritten or deleted draft is never lost', () => {
    expect(draftsBucket().VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });

  it('writes server access logs to the log bucket', () => {
    expect(draftsBucket().LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: expect.stringMatching(/^AccessLogsBucket/) },
      LogFilePrefix: 'drafts-bucket/',
    });
  });

  it('denies requests that do not use TLS', () => {
    stage.data.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: draftsBucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('notifies the intake queue only of draft files: created or removed under drafts/, created under previews/', () => {
    const [notifications] = Object.values(stage.data.findResources('Custom::S3BucketNotifications'));
    const queues = notifications!.Properties.NotificationConfiguration.QueueConfigurations;
    const filters = queues.map((q: { Filter: { Key: { FilterRules: Array<{ Name: string; Value: string }> } } }) =>
      Object.fromEntries(q.Filter.Key.FilterRules.map((rule) => [rule.Name.toLowerCase(), rule.Value])),
    );
    expect(queues.length).toBe(3 * DRAFT_SUFFIXES.length);
    expect(new Set(filters.map((f: Record<string, string>) => f.prefix))).toEqual(new Set([DRAFTS_PREFIX, PREVIEWS_PREFIX]));
    const previewEvents = queues
      .filter((_: unknown, index: number) => filters[index].prefix === PREVIEWS_PREFIX)
      .flatMap((q: { Events: string[] }) => q.Events);
    expect(new Set(previewEvents)).toEqual(new Set(['s3:ObjectCreated:*']));
    expect(new Set(filters.map((f: Record<string, string>) => f.suffix))).toEqual(new Set(DRAFT_SUFFIXES));
    expect(notifications!.Properties.NotificationConfiguration.TopicConfigurations).toBeUndefined();
    expect(notifications!.Properties.NotificationConfiguration.LambdaFunctionConfigurations).toBeUndefined();
  });
});

describe('intake queue', () => {
  it('redrives to a dead-letter queue after a bounded number of receives', () => {
    stage.data.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IntakeDeadLetterQueue'), 'Arn'] },
        maxReceiveCount: INTAKE_MAX_RECEIVE_COUNT,
      },
    });
  });

  it('feeds the ingest function in batches with partial batch failures', () => {
    stage.app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: Match.stringLikeRegexp('^IngestionFunction') },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });
});

describe('ingest lanes', () => {
  it('triage consumes the intake queue and ingest consumes the priority queue one draft at a time and the bulk queue ten at a time', () => {
    const app = stage.stacks.app;
    const mappings = Object.values(stage.app.findResources('AWS::Lambda::EventSourceMapping')).map((m) => m.Properties);
    const queueArn = (queue: { node: { defaultChild: unknown } }) => stage.stacks.data.getLogicalId(queue.node.defaultChild as never);
    const functionOf = (fn: { node: { defaultChild: unknown } }) => app.getLogicalId(fn.node.defaultChild as never);
    const sourceOf = (m: { EventSourceArn: unknown }) => JSON.stringify(dataValueOf(stage, m.EventSourceArn));
    const mappingFor = (queue: { node: { defaultChild: unknown } }) => mappings.filter((m) => sourceOf(m).includes(queueArn(queue)));
    const intake = stage.stacks.data.intake;
    expect(mappingFor(intake.queue).map((m) => m.FunctionName.Ref)).toEqual([functionOf(app.triage.function)]);
    expect(mappingFor(intake.priorityQueue).map((m) => [m.FunctionName.Ref, m.BatchSize])).toEqual([[functionOf(app.ingestion.function), 1]]);
    expect(mappingFor(intake.bulkQueue).map((m) => [m.FunctionName.Ref, m.BatchSize])).toEqual([[functionOf(app.ingestion.function), 10]]);
  });
});
