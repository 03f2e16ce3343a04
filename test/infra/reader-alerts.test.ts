import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { SUBSCRIBER_INDEXES } from '../../events/subscriber-names';
import { synthStage, testStageConfig } from './support/synth-stage';

const readers = {
  fromAddress: 'The Test Times <alerts@news.example>',
  emailSendRate: 40,
  senderConcurrency: 4,
  secretParameterName: '/newsroom/test/link-secret',
  webPush: { publicKey: 'B'.repeat(87), privateKeyParameterName: '/newsroom/test/vapid-private-key', subject: 'mailto:alerts@news.example' },
};

describe('the reader side of a stage', () => {
  const { data, app } = synthStage(testStageConfig({ readers }));

  it('keeps readers in a table with a sparse interest index projecting only what a send needs, and TTL', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: SUBSCRIBER_INDEXES.byInterest.indexName,
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['email', 'endpoint', 'p256dh', 'auth'] },
        }),
      ],
    });
  });

  it('hangs the alert queue off the alerts topic with raw delivery', () => {
    app.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'sqs', RawMessageDelivery: true });
  });

  it('caps the senders at the configured concurrency and splits the stage send rate between them', () => {
    app.hasResourceProperties('AWS::Lambda::EventSourceMapping', { BatchSize: 1, ScalingConfig: { MaximumConcurrency: 4 } });
    app.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'send-alert-emails', EMAIL_SEND_RATE: '10' }) },
    });
  });

  it('serves the subscription API through the Data stack’s HTTP API, with no function URL of its own', () => {
    app.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/{proxy+}' });
    expect(Object.keys(app.findResources('AWS::Lambda::Url'))).toEqual([]);
  });

  it('routes SES bounces and complaints to the suppression queue', () => {
    app.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.ses'], 'detail-type': ['Email Bounced', 'Email Complaint Received'] },
    });
    app.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ MatchingEventTypes: ['bounce', 'complaint'] }),
    });
  });

  it('is not deployed when the stage has no readers settings', () => {
    const plain = synthStage(testStageConfig());
    expect(Object.keys(plain.app.findResources('AWS::ApiGatewayV2::Route'))).toEqual([]);
    expect(Object.keys(plain.data.findResources('AWS::ApiGatewayV2::Api'))).toEqual([]);
  });
});

describe('mobile push on a stage with platform applications', () => {
  const apns = 'arn:aws:sns:eu-west-1:123456789012:app/APNS/newsroom-ios';
  const { app } = synthStage(testStageConfig({ readers: { ...readers, mobilePush: { apnsApplicationArn: apns } } }));

  it('lets the API create endpoints only under the stage application and subscribe them to the alerts topic', () => {
    app.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'subscription-api', APNS_PLATFORM_APPLICATION_ARN: apns }) },
    });
    app.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sns:CreatePlatformEndpoint', Resource: apns }),
          Match.objectLike({
            Action: ['sns:GetEndpointAttributes', 'sns:SetEndpointAttributes'],
            Resource: 'arn:aws:sns:eu-west-1:123456789012:endpoint/APNS/newsroom-ios/*',
          }),
        ]),
      },
    });
  });

  it('sweeps disabled endpoints every hour with a function that may only list, unsubscribe and delete them', () => {
    app.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 hour)' });
    app.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sns:ListEndpointsByPlatformApplication', Resource: apns }),
          Match.objectLike({ Action: 'sns:DeleteEndpoint', Resource: 'arn:aws:sns:eu-west-1:123456789012:endpoint/APNS/newsroom-ios/*' }),
        ]),
      },
    });
  });

  it('refuses a mobile push setting that names no platform application', () => {
    expect(() => testStageConfig({ readers: { ...readers, mobilePush: {} } })).toThrow(/platform application/);
  });
});
