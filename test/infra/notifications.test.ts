import { beforeAll, describe, expect, it } from 'vitest';
import { ALERT_ATTRIBUTES } from '../../events/names';
import { synthStage, type SynthesizedStage } from './support/synth-stage';

let stage: SynthesizedStage;

beforeAll(() => {
  stage = synthStage();
});

describe('notifications', () => {
  it('encrypts every topic with the rotating customer-managed key', () => {
    const topics = Object.values(stage.data.findResources('AWS::SNS::Topic'));
    expect(topics).toHaveLength(3);
    for (const topic of topics) {
      expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^NotificationsKey/), 'Arn'] });
    }
    stage.data.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('subscribes configured readers with filter policies on the alert attributes', () => {
    stage.data.hasResourceProperties('AWS::SNS::Subscription', {
      Endpoint: 'breaking@example.com',
      FilterPolicy: { [ALERT_ATTRIBUTES.breaking]: ['true'] },
    });
    stage.data.hasResourceProperties('AWS::SNS::Subscription', {
      Endpoint: 'world@example.com',
      FilterPolicy: { [ALERT_ATTRIBUTES.section]: ['World'], [ALERT_ATTRIBUTES.tags]: ['AI'] },
    });
  });

  it('lets CloudWatch alarms use the key of the ops topic', () => {
    const [key] = Object.values(stage.data.findResources('AWS::KMS::Key'));
    expect(key!.Properties.KeyPolicy.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
      ]),
    );
  });
});
