import { beforeAll, describe, expect, it } from 'vitest';
import { STREAM_BATCH_SIZES, STREAM_FILTERS, type StreamConsumer } from '../../shared/adapters/article-stream-filters';
import { STREAM_RETRY_ATTEMPTS } from '../../infra/constructs/article-stream-consumer';
import { matchesFilterPattern } from '../../infra/local/filters/filter-pattern';
import { STAGES } from '../../shared/domain/lifecycle';
import { synthStage, type SynthesizedStage } from './support/synth-stage';

let mappings: Record<string, Record<string, any>>;

beforeAll(() => {
  const stage: SynthesizedStage = synthStage();
  const byFilter = (prefix: string, consumer: StreamConsumer) => {
    const found = Object.values(stage.app.findResources('AWS::Lambda::EventSourceMapping')).find(
      (m) =>
        String(m.Properties.FunctionName.Ref).startsWith(prefix) &&
        JSON.stringify(m.Properties.FilterCriteria) === JSON.stringify({ Filters: [{ Pattern: JSON.stringify(STREAM_FILTERS[consumer]) }] }),
    );
    if (!found) throw new Error(`no ${consumer} mapping for ${prefix}`);
    return found.Properties;
  };
  mappings = {
    renderSite: byFilter('RenderingConsumerFunction', 'renderSite'),
    renderBreaking: byFilter('RenderingConsumerFunction', 'renderBreaking'),
    notifySubscribers: byFilter('AlertingConsumerFunction', 'notifySubscribers'),
    notifyBreaking: byFilter('AlertingConsumerFunction', 'notifyBreaking'),
  };
});

describe.each(['renderSite', 'renderBreaking', 'notifySubscribers', 'notifyBreaking'] as const)('%s stream mapping', (consumer) => {
  it('takes the runtime batch size', () => {
    expect(mappings[consumer]!.BatchSize).toBe(STREAM_BATCH_SIZES[consumer]);
  });

  it('bisects a failing batch', () => {
    expect(mappings[consumer]!.BisectBatchOnFunctionError).toBe(true);
  });

  it('bounds its retries', () => {
    expect(mappings[consumer]!.MaximumRetryAttempts).toBe(STREAM_RETRY_ATTEMPTS);
  });

  it('writes exhausted batches, records included, to the Data stack’s stream failure bucket', () => {
    const destination = JSON.stringify(mappings[consumer]!.DestinationConfig.OnFailure.Destination);
    expect(destination).toMatch(/^\{"Fn::Join":\["",\["arn:",\{"Ref":"AWS::Partition"\},":s3:::",\{"Ref":"DataStreamFailuresBucketName/);
  });

  it('publishes its event-count metrics, so given-up records raise an alarm', () => {
    expect(mappings[consumer]!.MetricsConfig).toEqual({ Metrics: ['EventCount'] });
  });

  it('reads the article table stream', () => {
    expect(JSON.stringify(mappings[consumer]!.EventSourceArn)).toMatch(/ArticleStoreTable.*StreamArn/);
  });
});

describe('the stream lanes', () => {
  it('give a breaking head to the priority mappings only, and any other head to the bulk mappings only', () => {
    const head = (breaking: boolean, stage: string) => ({
      eventName: 'MODIFY',
      dynamodb: { Keys: { SK: { S: 'HEAD' } }, NewImage: { stage: { S: stage }, breaking: { BOOL: breaking } } },
    });
    const matching = (record: unknown) =>
      (Object.keys(STREAM_FILTERS) as StreamConsumer[]).filter((consumer) => matchesFilterPattern(STREAM_FILTERS[consumer], record));
    expect(matching(head(true, STAGES.render))).toEqual(['renderBreaking']);
    expect(matching(head(false, STAGES.render))).toEqual(['renderSite']);
    expect(matching(head(true, STAGES.notify))).toEqual(['notifyBreaking']);
    expect(matching(head(false, STAGES.notify))).toEqual(['notifySubscribers']);
  });
});
