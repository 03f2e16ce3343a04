import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../events/names';
import { PIPELINE_RUNTIME } from '../../infra/constructs/pipeline-function';
import { PUBLISH_RETRY_ATTEMPTS } from '../../infra/constructs/scheduling';
import { synthStage, type SynthesizedStage } from './support/synth-stage';

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

  it('sends runs that failed every retry to its failure queue', () => {
    stage.app.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: Match.stringLikeRegexp('^SchedulingPublishFunction') },
      MaximumRetryAttempts: PUBLISH_RETRY_ATTEMPTS,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SchedulingPublishFailureQueue'), 'Arn'] } } },
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

  it('names the schedule group, the scheduler role and the publish function', () => {
    const variables = ingestVariables();
    expect(variables[ENV.scheduleGroupName]).toMatch(/Scheduling-Group/);
    expect(JSON.stringify(variables[ENV.schedulerRoleArn])).toMatch(/SchedulingSchedulerRole/);
    expect(JSON.stringify(variables[ENV.publishFunctionArn])).toMatch(/SchedulingPublishFunction/);
  });

  it('names the queue Scheduler sends undeliverable runs to', () => {
    expect(JSON.stringify(ingestVariables()[ENV.scheduleDeadLetterArn])).toMatch(/SchedulingPublishFailureQueue.*Arn/);
  });

  it('gets the site URL its draft reports link to', () => {
    expect(JSON.stringify(ingestVariables()[ENV.siteUrl])).toMatch(/SiteDistribution.*DomainName/);
  });
});
