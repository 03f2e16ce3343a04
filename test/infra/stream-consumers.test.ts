import { type Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { STREAM_BATCH_SIZES, STREAM_FILTERS, type StreamMapping } from '../../shared/adapters/article-stream-filters';
import { STREAM_RETRY_ATTEMPTS } from '../../infra/constructs/article-stream-consumer';
import { matchesFilterPattern } from '../../infra/local/filters/filter-pattern';
import { MAX_SHARD_READERS } from '../../infra/local/stream-poller';
import { STAGES } from '../../shared/domain/lifecycle';
import { synthStage, type SynthesizedStage } from './support/synth-stage';

let stage: SynthesizedStage;
let mappings: Record<StreamMapping, Record<string, any>>;
const readsArticleStream = (mapping: Record<string, any>) => /ArticleStoreTable.*StreamArn/.test(JSON.stringify(mapping.Properties.EventSourceArn));

beforeAll(() => {
  stage = synthStage();
  const byFilter = (lane: StreamMapping) => {
    const found = Object.values(stage.app.findResources('AWS::Lambda::EventSourceMapping')).find(
      (m) =>
        String(m.Properties.FunctionName.Ref).startsWith('StreamConsumerFunction') &&
        JSON.stringify(m.Properties.FilterCriteria) === JSON.stringify({ Filters: [{ Pattern: JSON.stringify(STREAM_FILTERS[lane]) }] }),
    );
    if (!found) throw new Error(`no ${lane} mapping`);
    return found.Properties;
  };
  mappings = { bulk: byFilter('bulk'), breaking: byFilter('breaking') };
});

describe('the article table stream', () => {
  it('has at most as many event source mappings, over every stack of the stage, as AWS allows readers of a shard', () => {
    const stacks = Object.values(stage.stacks).filter((stack): stack is Stack => stack !== undefined && !Stage.isStage(stack));
    const readers = stacks.flatMap((stack) =>
      Object.values(Template.fromStack(stack).findResources('AWS::Lambda::EventSourceMapping')).filter(readsArticleStream),
    );
    expect(readers.length).toBeGreaterThan(0);
    expect(readers.length).toBeLessThanOrEqual(MAX_SHARD_READERS);
  });
});

describe.each(['bulk', 'breaking'] as const)('%s stream mapping', (lane) => {
  it('takes the runtime batch size', () => {
    expect(mappings[lane].BatchSize).toBe(STREAM_BATCH_SIZES[lane]);
  });

  it('bisects a failing batch', () => {
    expect(mappings[lane].BisectBatchOnFunctionError).toBe(true);
  });

  it('reports partial batch failures', () => {
    expect(mappings[lane].FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });

  it('bounds its retries', () => {
    expect(mappings[lane].MaximumRetryAttempts).toBe(STREAM_RETRY_ATTEMPTS);
  });

  it('writes exhausted batches, records included, to the Data stack’s stream failure bucket', () => {
    const destination = JSON.stringify(mappings[lane].DestinationConfig.OnFailure.Destination);
    expect(destination).toMatch(/^\{"Fn::Join":\["",\["arn:",\{"Ref":"AWS::Partition"\},":s3:::",\{"Ref":"DataStreamFailuresBucketName/);
  });

  it('publishes its event-count metrics, so given-up records raise an alarm', () => {
    expect(mappings[lane].MetricsConfig).toEqual({ Metrics: ['EventCount'] });
  });

  it('reads the article table stream', () => {
    expect(JSON.stringify(mappings[lane].EventSourceArn)).toMatch(/ArticleStoreTable.*StreamArn/);
  });
});

describe('the stream lanes', () => {
  it('give a breaking head to the priority mapping only, and any other head to the bulk mapping only, at the render and the notify stage', () => {
    const head = (breaking: boolean, stage: string) => ({
      eventName: 'MODIFY',
      dynamodb: { Keys: { SK: { S: 'HEAD' } }, NewImage: { stage: { S: stage }, breaking: { BOOL: breaking } } },
    });
    const matching = (record: unknown) =>
      (Object.keys(STREAM_FILTERS) as StreamMapping[]).filter((lane) => matchesFilterPattern(STREAM_FILTERS[lane], record));
    for (const at of [STAGES.render, STAGES.notify]) {
      expect(matching(head(true, at))).toEqual(['breaking']);
      expect(matching(head(false, at))).toEqual(['bulk']);
    }
  });
});
