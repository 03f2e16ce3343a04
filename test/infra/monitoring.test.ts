import { beforeAll, describe, expect, it } from 'vitest';
import { synthStage, type SynthesizedStage } from './support/synth-stage';

let stage: SynthesizedStage;
let alarms: Array<Record<string, any>>;

beforeAll(() => {
  stage = synthStage();
  alarms = Object.values(stage.app.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
});

function alarmsOn(metricName: string) {
  return alarms.filter((alarm) => alarm.MetricName === metricName);
}

describe('monitoring', () => {
  it('alarms on the depth of the intake dead-letter queue, the publish failure queue and the invalidation dead-letter queue', () => {
    const depth = alarmsOn('ApproximateNumberOfMessagesVisible').map((a) => JSON.stringify(a.Dimensions));
    expect(depth).toHaveLength(3);
    expect(depth.some((d) => /InvalidationDeadLetterQueue/.test(d))).toBe(true);
    expect(depth.some((d) => /IntakeDeadLetterQueue/.test(d))).toBe(true);
    expect(depth.some((d) => /PublishSchedulesDeadLetterQueue/.test(d))).toBe(true);
  });

  it('alarms on any record the stream consumer gave up, on either of its mappings (written to the failure bucket for redrive)', () => {
    // One alarm, on the sum of its bulk and priority mappings' counts.
    const givenUp = alarms
      .map((alarm) => JSON.stringify(alarm.Metrics ?? []))
      .filter((metrics) => metrics.includes('OnFailureDestinationDeliveredEventCount'));
    expect(givenUp).toHaveLength(1);
    expect(givenUp[0]).toMatch(/StreamConsumerFunctionDynamoDBEventSource/);
    expect(givenUp[0]).toMatch(/StreamConsumerFunctionPriorityLane/);
  });

  it('alarms on errors and throttles of every function (triage, ingest, stream consumer, publish, invalidate, reconcile)', () => {
    expect(alarmsOn('Errors')).toHaveLength(6);
    expect(alarmsOn('Throttles')).toHaveLength(6);
  });

  it('alarms on errors and throttles of the publish-scheduled function', () => {
    for (const metric of ['Errors', 'Throttles']) {
      const dimensions = alarmsOn(metric).map((a) => JSON.stringify(a.Dimensions));
      expect(dimensions.some((d) => /SchedulingPublishFunction/.test(d))).toBe(true);
    }
  });

  it('graphs the publish-scheduled function on the dashboard', () => {
    const [dashboard] = Object.values(stage.app.findResources('AWS::CloudWatch::Dashboard'));
    expect(JSON.stringify(dashboard!.Properties.DashboardBody)).toMatch(/SchedulingPublishFunction/);
  });

  it('alarms on the iterator age of the stream consumer', () => {
    expect(alarmsOn('IteratorAge')).toHaveLength(1);
  });

  it('sends every alarm to the ops topic', () => {
    for (const alarm of alarms) {
      expect(JSON.stringify(alarm.AlarmActions)).toMatch(/NotificationsOpsTopic/);
    }
  });

  it('has a dashboard of the pipeline', () => {
    stage.app.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});
