import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ALIAS_RECORD_OUTPUT, VALIDATION_RECORD_OUTPUT } from '../../infra/constructs/custom-domain';
import { OLDEST_MESSAGE_AGE_THRESHOLD } from '../../infra/constructs/monitoring';
import { COMMON_RULE_SET } from '../../infra/constructs/web-acl';
import { synthStage, testStageConfig } from './support/synth-stage';

const ENV = { account: '123456789012', region: 'eu-west-1' };
const ZONE = { id: 'Z0123456789ABC', name: 'example.com' };

const distributionConfig = (template: Template): Record<string, any> =>
  Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
const alarmsOn = (template: Template, metricName: string) =>
  Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((alarm) => alarm.Properties.MetricName === metricName);

describe('a custom domain with a hosted zone', () => {
  const stage = synthStage(testStageConfig({ env: ENV, domain: { name: 'news.example.com', hostedZone: ZONE } }));
  const edge = Template.fromStack(stage.stacks.edge!);

  it('gets a certificate in us-east-1, validated by DNS in the hosted zone', () => {
    expect(stage.stacks.edge!.region).toBe('us-east-1');
    edge.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'news.example.com',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'news.example.com', HostedZoneId: ZONE.id }],
    });
  });

  it('serves the domain from the distribution with that certificate over TLS 1.2_2021', () => {
    const config = distributionConfig(stage.data);
    expect(config.Aliases).toEqual(['news.example.com']);
    expect(config.ViewerCertificate).toMatchObject({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    expect(JSON.stringify(config.ViewerCertificate.AcmCertificateArn)).toMatch(/Certificate/);
  });

  it('points A and AAAA alias records in the zone at the distribution', () => {
    for (const Type of ['A', 'AAAA']) {
      stage.data.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: 'news.example.com.',
        Type,
        HostedZoneId: ZONE.id,
        AliasTarget: { DNSName: Match.anyValue(), HostedZoneId: Match.anyValue() },
      });
    }
  });

  it('needs no record from the operator', () => {
    expect(Object.keys(stage.data.findOutputs(ALIAS_RECORD_OUTPUT))).toEqual([]);
  });
});

describe('a custom domain without a hosted zone', () => {
  const stage = synthStage(testStageConfig({ env: ENV, domain: { name: 'news.example.org' } }));
  const edge = Template.fromStack(stage.stacks.edge!);

  it('gets a DNS-validated certificate whose record the operator creates', () => {
    edge.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'news.example.org',
      ValidationMethod: 'DNS',
      DomainValidationOptions: Match.absent(),
    });
  });

  it('creates no Route 53 record and outputs the alias record and how to read the validation record', () => {
    stage.data.resourceCountIs('AWS::Route53::RecordSet', 0);
    const alias = JSON.stringify(stage.data.findOutputs(ALIAS_RECORD_OUTPUT));
    expect(alias).toContain('news.example.org. CNAME ');
    expect(alias).toMatch(/DomainName/);
    expect(JSON.stringify(stage.data.findOutputs(VALIDATION_RECORD_OUTPUT))).toContain('aws acm describe-certificate --region us-east-1');
  });
});

describe('a stage without a domain or WAF', () => {
  const stage = synthStage();

  it('has no us-east-1 stack, certificate, alias or web ACL', () => {
    expect(stage.stacks.edge).toBeUndefined();
    const config = distributionConfig(stage.data);
    expect(config.Aliases).toBeUndefined();
    expect(config.WebACLId).toBeUndefined();
    stage.data.resourceCountIs('AWS::Route53::RecordSet', 0);
  });
});

describe('WAF', () => {
  const stage = synthStage(testStageConfig({ env: ENV, waf: { rateLimitPer5Minutes: 500 } }));
  const edge = Template.fromStack(stage.stacks.edge!);

  it('puts a CloudFront-scoped web ACL with the AWS common rules and a blocking per-IP rate limit in us-east-1', () => {
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({
          Priority: 0,
          OverrideAction: { None: {} },
          Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: COMMON_RULE_SET } },
        }),
        Match.objectLike({
          Priority: 1,
          Action: { Block: {} },
          Statement: { RateBasedStatement: { Limit: 500, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
        }),
      ],
    });
    edge.resourceCountIs('AWS::CertificateManager::Certificate', 0);
  });

  it('attaches the web ACL to the distribution', () => {
    expect(JSON.stringify(distributionConfig(stage.data).WebACLId)).toMatch(/WebAcl/);
  });
});

describe('the monthly budget', () => {
  const stage = synthStage(testStageConfig({ monthlyBudgetUsd: 250 }));

  it('budgets the monthly cost of the resources tagged with the stage', () => {
    stage.data.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: Match.objectLike({
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        BudgetLimit: { Amount: 250, Unit: 'USD' },
        FilterExpression: { Tags: { Key: 'stage', Values: ['test'], MatchOptions: ['EQUALS'] } },
      }),
    });
  });

  it('alerts the ops topic at 80 % actual and 100 % forecast cost', () => {
    const [budget] = Object.values(stage.data.findResources('AWS::Budgets::Budget'));
    const notifications = budget!.Properties.NotificationsWithSubscribers;
    expect(notifications.map((n: any) => [n.Notification.NotificationType, n.Notification.Threshold])).toEqual([
      ['ACTUAL', 80],
      ['FORECASTED', 100],
    ]);
    for (const n of notifications) expect(JSON.stringify(n.Subscribers)).toMatch(/NotificationsOpsTopic/);
  });

  it('lets AWS Budgets of this account publish to the ops topic', () => {
    const policies = JSON.stringify(stage.data.findResources('AWS::SNS::TopicPolicy'));
    expect(policies).toContain('budgets.amazonaws.com');
    expect(policies).toContain('aws:SourceAccount');
  });
});

describe('the dashboard', () => {
  it('graphs the pipeline metrics and the age of the oldest intake message', () => {
    const [dashboard] = Object.values(synthStage().app.findResources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard!.Properties.DashboardBody);
    for (const metric of ['DraftsPublished', 'DraftsRejected', 'DraftsScheduled', 'PagesWritten', 'PathsInvalidated', 'AlertsSent', 'AlertsFailed']) {
      expect(body).toContain(metric);
    }
    expect(body).toContain('ApproximateAgeOfOldestMessage');
  });
});

describe('operations alarms', () => {
  it('alarms when the oldest intake message has waited five minutes', () => {
    const [alarm] = alarmsOn(synthStage().app, 'ApproximateAgeOfOldestMessage');
    expect(alarm!.Properties.Threshold).toBe(OLDEST_MESSAGE_AGE_THRESHOLD.toSeconds());
    expect(JSON.stringify(alarm!.Properties.Dimensions)).toMatch(/IntakeQueue/);
    expect(JSON.stringify(alarm!.Properties.AlarmActions)).toMatch(/NotificationsOpsTopic/);
  });

  it('alarms on the CloudFront 5xx rate to the ops topic, only where the metric exists, for a stage without a region', () => {
    const app = synthStage().app;
    const [alarm] = alarmsOn(app, '5xxErrorRate');
    expect(alarm!.Properties).toMatchObject({ Namespace: 'AWS/CloudFront', Threshold: 5 });
    expect(JSON.stringify(alarm!.Properties.AlarmActions)).toMatch(/NotificationsOpsTopic/);
    expect(alarm!.Condition).toBe('DeployedInEdgeRegion');
    expect(JSON.stringify(app.findConditions('DeployedInEdgeRegion'))).toContain('us-east-1');
  });

  it('puts the CloudFront 5xx alarm and its own ops topic in us-east-1 for a stage in another region', () => {
    const stage = synthStage(testStageConfig({ env: ENV }));
    expect(alarmsOn(stage.app, '5xxErrorRate')).toHaveLength(0);
    const monitoring = Template.fromStack(stage.stacks.edgeMonitoring!);
    expect(stage.stacks.edgeMonitoring!.region).toBe('us-east-1');
    const [alarm] = alarmsOn(monitoring, '5xxErrorRate');
    expect(alarm!.Properties.Dimensions).toEqual(expect.arrayContaining([{ Name: 'Region', Value: 'Global' }]));
    expect(JSON.stringify(alarm!.Properties.AlarmActions)).toMatch(/OpsTopic/);
    monitoring.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
  });

  it('keeps the CloudFront 5xx alarm in the app stack of a stage deployed in us-east-1', () => {
    const stage = synthStage(testStageConfig({ env: { ...ENV, region: 'us-east-1' } }));
    expect(stage.stacks.edgeMonitoring).toBeUndefined();
    const [alarm] = alarmsOn(stage.app, '5xxErrorRate');
    expect(alarm!.Condition).toBeUndefined();
  });
});
