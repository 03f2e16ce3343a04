import { beforeAll, describe, expect, it } from 'vitest';
import { CachePolicy } from 'aws-cdk-lib/aws-cloudfront';
import { API_ORIGIN_HEADER, SUBSCRIBER_ENV } from '../../events/subscriber-names';
import { apiOriginSecretName } from '../../infra/config/stage-parameters';
import { SUBSCRIPTION_API_BURST, SUBSCRIPTION_API_RATE_PER_SECOND } from '../../infra/constructs/subscription-api';
import { dataValueOf, synthStage, testStageConfig, type SynthesizedStage } from './support/synth-stage';

// Issue 13's API on AWS: the distribution's /api/* behaviour in front of the subscription API (issue 12, deploy readiness).

const readers = { fromAddress: 'The Test Times <alerts@news.example>', secretParameterName: '/newsroom/test/link-secret' };
let stage: SynthesizedStage;
let config: Record<string, any>;
let api: Record<string, any>;

beforeAll(() => {
  stage = synthStage(testStageConfig({ readers }));
  const [distribution] = Object.values(stage.data.findResources('AWS::CloudFront::Distribution'));
  config = distribution!.Properties.DistributionConfig;
  api = (config.CacheBehaviors as Array<Record<string, any>>).find((behavior) => behavior.PathPattern === '/api/*')!;
});

const originRequestPolicy = () => {
  const id = api.OriginRequestPolicyId.Ref as string;
  return stage.data.toJSON().Resources[id].Properties.OriginRequestPolicyConfig;
};

describe('the /api/* behaviour of a stage with readers', () => {
  it('exists and accepts every method, over HTTPS only, without running the pretty-URL functions', () => {
    expect(api).toBeDefined();
    expect([...api.AllowedMethods].sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    expect(api.ViewerProtocolPolicy).toBe('https-only');
    expect(api.FunctionAssociations).toBeUndefined();
  });

  it('caches nothing', () => {
    expect(api.CachePolicyId).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId);
  });

  it('forwards the query string and the headers the API reads (content type, viewer address), never the viewer’s Host', () => {
    const policy = originRequestPolicy();
    expect(policy.QueryStringsConfig).toEqual({ QueryStringBehavior: 'all' });
    expect(policy.CookiesConfig).toEqual({ CookieBehavior: 'none' });
    expect(policy.HeadersConfig.HeaderBehavior).toBe('whitelist');
    expect(policy.HeadersConfig.Headers).toEqual(expect.arrayContaining(['Content-Type', 'CloudFront-Viewer-Address']));
    expect(policy.HeadersConfig.Headers.map((h: string) => h.toLowerCase())).not.toContain('host');
  });

  it('goes to the Data stack’s own HTTP API over TLS (a same-stack origin: no cycle with App)', () => {
    const origin = (config.Origins as Array<Record<string, any>>).find((o) => o.Id === api.TargetOriginId)!;
    const [apiId] = Object.keys(stage.data.findResources('AWS::ApiGatewayV2::Api'));
    expect(JSON.stringify(origin.DomainName)).toContain(`{"Ref":"${apiId}"}`);
    expect(JSON.stringify(origin.DomainName)).toContain('.execute-api.');
    expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
  });

  it('sends the origin token the API function requires, from the stage’s secret, which the function gets too', () => {
    const origin = (config.Origins as Array<Record<string, any>>).find((o) => o.Id === api.TargetOriginId)!;
    const header = (origin.OriginCustomHeaders as Array<{ HeaderName: string; HeaderValue: unknown }>).find(
      (h) => h.HeaderName === API_ORIGIN_HEADER,
    );
    const [secretId] = Object.keys(stage.data.findResources('AWS::SecretsManager::Secret', { Properties: { Name: apiOriginSecretName('test') } }));
    expect(JSON.stringify(header?.HeaderValue)).toContain(`{"Ref":"${secretId}"}`);
    expect(JSON.stringify(header?.HeaderValue)).toContain('{{resolve:secretsmanager:');
    const apiFunction = Object.values(stage.app.findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'subscription-api',
    );
    expect(apiFunction!.Properties.Environment.Variables[SUBSCRIBER_ENV.originToken]).toBe(
      `{{resolve:secretsmanager:${apiOriginSecretName('test')}:SecretString:::}}`,
    );
  });

  it('throttles the API stage and logs its requests', () => {
    stage.data.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: SUBSCRIPTION_API_RATE_PER_SECOND, ThrottlingBurstLimit: SUBSCRIPTION_API_BURST },
    });
    const [apiStage] = Object.values(stage.data.findResources('AWS::ApiGatewayV2::Stage'));
    expect(apiStage!.Properties.AccessLogSettings.DestinationArn).toBeDefined();
  });

  it('routes ANY /api/{proxy+} in the App stack to the API function (payload 2.0), on the API the Data stack wrote to SSM', () => {
    const [route] = Object.values(stage.app.findResources('AWS::ApiGatewayV2::Route'));
    const [integration] = Object.values(stage.app.findResources('AWS::ApiGatewayV2::Integration'));
    expect(route!.Properties.RouteKey).toBe('ANY /api/{proxy+}');
    expect(integration!.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    expect(JSON.stringify(integration!.Properties.IntegrationUri)).toMatch(/ReadersApiFunction/);
    for (const apiId of [route!.Properties.ApiId, integration!.Properties.ApiId]) {
      expect(dataValueOf(stage, apiId)).toEqual({ Ref: expect.stringMatching(/^SubscriptionApi/) });
    }
  });

  it('lets API Gateway invoke the API function from this API’s /api/ routes only', () => {
    const permissions = Object.values(stage.app.findResources('AWS::Lambda::Permission')).filter(
      (p) => p.Properties.Principal === 'apigateway.amazonaws.com',
    );
    expect(permissions).toHaveLength(1);
    expect(JSON.stringify(permissions[0]!.Properties.SourceArn)).toMatch(/execute-api.*SubscriptionApiId.*\/\*\/\*\/api\/\*/);
  });
});

describe('a stage without readers', () => {
  it('has no /api/* behaviour and no HTTP API', () => {
    const plain = synthStage(testStageConfig());
    const [distribution] = Object.values(plain.data.findResources('AWS::CloudFront::Distribution'));
    expect(distribution!.Properties.DistributionConfig.CacheBehaviors).toBeUndefined();
    expect(Object.keys(plain.data.findResources('AWS::ApiGatewayV2::Api'))).toEqual([]);
  });
});
