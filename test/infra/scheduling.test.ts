import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../events/names';
import { PIPELINE_RUNTIME } from '../../infra/constructs/pipeline-function';
import { PUBLISH_MAX_RECEIVE_COUNT } from '../../infra/constructs/publish-schedules';
import { dataValueOf, synthStage, type SynthesizedStage } from './support/synth-stage';

let stage: SynthesizedStage;

beforeAll(() => {
  stage = synthStage();
});

function publishFunction(): Record<string, any> {
  const fns = stage.app.findResources('AWS::Lambda::Function', {
    Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'publish-scheduled' } } },
  });
  const [fn] = Object.values(fns);
  if (!fn) throw new Error('no publish-scheduled function');
  return fn.Properties;
}

describe('publish-scheduled function', () => {
  it('exists on arm64 with the pipeline Node.js runtime', () => {
    const fn = publishFunction();
    expect(fn.Architectures).toEqual(['arm64']);
    expect(fn.Runtime).toBe(PIPELINE_RUNTIME.name);
    expect(fn.Runtime).toMatch(/^nodejs(2[2-9]|[3-9]\d)\.x$/);
  });

  it('is told the article table name', () => {
    expect(JSON.stringify(publishFunction().Environment.Variables[ENV.tableName])).toMatch(/ArticleStoreTable/);
  });

  it('consumes the Data stack’s publish queue in batches with partial failures', () => {
    const mappings = stage.app.findResources('AWS::Lambda::EventSourceMapping', {
      Properties: { FunctionName: { Ref: Match.stringLikeRegexp('^SchedulingPublishFunction') }, FunctionResponseTypes: ['ReportBatchItemFailures'] },
    });
    const [mapping] = Object.values(mappings);
    expect(JSON.stringify(dataValueOf(stage, mapping?.Properties.EventSourceArn))).toMatch(/"PublishSchedulesQueue[0-9A-F]+","Arn"/);
  });
});

describe('publish schedules (Data stack)', () => {
  it('keep their group with the stage’s data, retained on a retained stage', () => {
    const groups = Object.values(stage.data.findResources('AWS::Scheduler::ScheduleGroup'));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.DeletionPolicy).toBe('Retain');
    expect(Object.keys(stage.app.findResources('AWS::Scheduler::ScheduleGroup'))).toEqual([]);
  });

  it('dead-letter a publish message after a bounded number of receives', () => {
    stage.data.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PublishSchedulesDeadLetterQueue'), 'Arn'] },
        maxReceiveCount: PUBLISH_MAX_RECEIVE_COUNT,
      },
    });
  });
});

describe('ingest function scheduling settings', () => {
  function ingestVariables(): Record<string, unknown> {
    const fns = stage.app.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'ingest-draft' } } },
    });
    const [fn] = Object.values(fns);
    if (!fn) throw new Error('no ingest-draft function');
    return fn.Properties.Environment.Variables;
  }

  it('names the schedule group, the scheduler role and the publish queue, all from the Data stack, never a function', () => {
    const variables = ingestVariables();
    expect(JSON.stringify(dataValueOf(stage, variables[ENV.scheduleGroupName]))).toMatch(/Data-PublishSchedules-?Gr/);
    expect(JSON.stringify(dataValueOf(stage, variables[ENV.schedulerRoleArn]))).toMatch(/PublishSchedulesSchedulerRole/);
    expect(JSON.stringify(dataValueOf(stage, variables[ENV.publishTargetArn]))).toMatch(/PublishSchedulesQueue/);
    expect(JSON.stringify(dataValueOf(stage, variables[ENV.publishTargetArn]))).not.toMatch(/Function/);
  });

  it('names the queue Scheduler sends undeliverable runs to', () => {
    expect(JSON.stringify(dataValueOf(stage, ingestVariables()[ENV.scheduleDeadLetterArn]))).toMatch(/PublishSchedulesDeadLetterQueue/);
  });

  it('gets the site URL its draft reports link to', () => {
    expect(JSON.stringify(dataValueOf(stage, ingestVariables()[ENV.siteUrl]))).toMatch(/SiteDistribution.*DomainName/);
  });
});
