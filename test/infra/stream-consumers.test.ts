import { beforeAll, describe, expect, it } from 'vitest';
import { STREAM_FILTERS } from '../../shared/adapters/article-stream-filters';
import { STREAM_RETRY_ATTEMPTS } from '../../infra/constructs/article-stream-consumer';
import { synthStage, type SynthesizedStage } from './support/synth-stage';

let mappings: Record<string, Record<string, any>>;

beforeAll(() => {
  const stage: SynthesizedStage = synthStage();
  const byFunction = (prefix: string) => {
    const found = Object.values(stage.app.findResources('AWS::Lambda::EventSourceMapping')).find((m) =>
      String(m.Properties.FunctionName.Ref).startsWith(prefix),
    );
    if (!found) throw new Error(`no mapping for ${prefix}`);
    return found.Properties;
  };
  mappings = { renderSite: byFunction('RenderingConsumerFunction'), notifySubscribers: byFunction('AlertingConsumerFunction') };
});

describe.each(['renderSite', 'notifySubscribers'] as const)('%s stream mapping', (consumer) => {
  it('filters with exactly the runtime filter object', () => {
    expect(mappings[consumer]!.FilterCriteria).toEqual({ Filters: [{ Pattern: JSON.stringify(STREAM_FILTERS[consumer]) }] });
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
