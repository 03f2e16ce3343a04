import { readFileSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_EXPIRATION_DAYS, PREVIEW_SITE_PREFIX } from '../../events/names';
import { SECURITY_HEADERS } from '../../shared/edge/response-headers';
import { VIEWER_REQUEST_FILE, VIEWER_RESPONSE_FILE } from '../../infra/constructs/site-delivery';
import { synthStage, type SynthesizedStage } from './support/synth-stage';

let stage: SynthesizedStage;
let distribution: Record<string, any>;

beforeAll(() => {
  stage = synthStage();
  distribution = Object.values(stage.data.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
});

describe('site delivery', () => {
  it('reads the site bucket through Origin Access Control', () => {
    stage.data.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
    expect(distribution.Origins[0].OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Id'] });
  });

  it('keeps the site bucket private', () => {
    const siteBucketId = stage.stacks.data.getLogicalId(stage.stacks.data.site.siteBucket.node.defaultChild as never);
    expect(stage.data.findResources('AWS::S3::Bucket')[siteBucketId]!.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy).toBe(true);
  });

  it('deletes preview pages with a lifecycle rule on the preview/ prefix', () => {
    stage.data.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: PREVIEW_SITE_PREFIX, ExpirationInDays: PREVIEW_EXPIRATION_DAYS, Status: 'Enabled' })]),
      },
    });
  });

  it('serves HTTP/2 and HTTP/3, redirects to HTTPS and compresses', () => {
    expect(distribution.HttpVersion).toBe('http2and3');
    expect(distribution.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(distribution.DefaultCacheBehavior.Compress).toBe(true);
  });

  it('builds the response headers policy from SECURITY_HEADERS', () => {
    const hsts = SECURITY_HEADERS.strictTransportSecurity;
    stage.data.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: SECURITY_HEADERS.contentSecurityPolicy, Override: true },
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: hsts.maxAgeSeconds,
            IncludeSubdomains: hsts.includeSubdomains,
            Preload: hsts.preload,
            Override: true,
          },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: { ReferrerPolicy: SECURITY_HEADERS.referrerPolicy, Override: true },
          FrameOptions: { FrameOption: SECURITY_HEADERS.frameOptions, Override: true },
        },
      },
    });
  });

  it('runs the shared viewer-request code as a cloudfront-js-2.0 function on viewer requests', () => {
    stage.data.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: readFileSync(VIEWER_REQUEST_FILE, 'utf8'),
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    expect(distribution.DefaultCacheBehavior.FunctionAssociations).toContainEqual(
      expect.objectContaining({
        EventType: 'viewer-request',
        FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^SiteViewerRequest/), 'FunctionARN'] },
      }),
    );
  });

  it('runs the shared viewer-response code, which turns object metadata into 301 and 410, on viewer responses', () => {
    stage.data.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: readFileSync(VIEWER_RESPONSE_FILE, 'utf8'),
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    expect(distribution.DefaultCacheBehavior.FunctionAssociations).toContainEqual(
      expect.objectContaining({
        EventType: 'viewer-response',
        FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^SiteViewerResponse/), 'FunctionARN'] },
      }),
    );
  });

  it('keeps both edge functions within the 10 KB CloudFront Functions code limit', () => {
    for (const file of [VIEWER_REQUEST_FILE, VIEWER_RESPONSE_FILE]) {
      expect(readFileSync(file).byteLength).toBeLessThanOrEqual(10 * 1024);
    }
  });

  it('answers a missing key with the 404 page', () => {
    expect(distribution.CustomErrorResponses).toEqual(
      expect.arrayContaining([expect.objectContaining({ ErrorCode: 403, ResponseCode: 404, ResponsePagePath: '/404.html' })]),
    );
  });
});
