import path from 'node:path';
import { Duration, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  OriginSslPolicy,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PREVIEW_EXPIRATION_DAYS, PREVIEW_SITE_PREFIX } from '../../events/names';
import { API_ORIGIN_HEADER, SUBSCRIPTION_PATHS } from '../../events/subscriber-names';
import { SECURITY_HEADERS } from '../../shared/edge/response-headers';
import { PROJECT_ROOT } from '../config/paths';
import { PrivateBucket } from './private-bucket';

/** The CloudFront Function code (viewer request, pretty URLs), shared with the local CDN server. */
export const VIEWER_REQUEST_FILE = path.join(PROJECT_ROOT, 'shared', 'edge', 'viewer-request.js');
/** The CloudFront Function that answers 301/410 from object metadata, shared with the local CDN server. */
export const VIEWER_RESPONSE_FILE = path.join(PROJECT_ROOT, 'shared', 'edge', 'viewer-response.js');
/** The page served for a missing key. */
export const NOT_FOUND_PAGE = '/404.html';

/** Properties of {@link SiteDelivery}. */
export interface SiteDeliveryProps {
  /** Receives the site bucket's and the distribution's access logs. */
  readonly accessLogsBucket: IBucket;
  /** Custom domain and its us-east-1 ACM certificate. @default - the CloudFront domain only */
  readonly domain?: { readonly name: string; readonly certificate: ICertificate };
  /** ARN of a WAF web ACL (scope CLOUDFRONT, in us-east-1) on the distribution. @default - none */
  readonly webAclArn?: string;
  /** Removal policy of the site bucket. */
  readonly removalPolicy: RemovalPolicy;
  /**
   * The subscription API, served under `/api/*` on the site's own origin: its
   * host name and the token sent to it in `API_ORIGIN_HEADER`. @default - no `/api/*` behaviour
   */
  readonly api?: { readonly domainName: string; readonly originToken: string };
}

/**
 * The public face: a private site bucket read by CloudFront through Origin
 * Access Control, over HTTP/2 and HTTP/3 with compression, TLS 1.2 or newer on
 * a custom domain, the shared security headers, and the shared pretty-URL
 * viewer-request function.
 */
export class SiteDelivery extends Construct {
  /** Rendered pages and assets (`index.html`, `articles/<slug>/index.html`, `assets/…`). */
  readonly siteBucket: PrivateBucket;
  /** The CDN in front of the site bucket. */
  readonly distribution: Distribution;
  /** Security headers from `SECURITY_HEADERS`. */
  readonly responseHeadersPolicy: ResponseHeadersPolicy;
  /** Pretty URLs: `/a/` → `/a/index.html`, `/a` → 301 `/a/`. */
  readonly viewerRequestFunction: CloudFrontFunction;
  /** Turns object metadata into 301 redirects and 410 Gone. */
  readonly viewerResponseFunction: CloudFrontFunction;
  /** `https://` plus the custom domain, or the distribution domain. */
  readonly siteUrl: string;

  constructor(scope: Construct, id: string, props: SiteDeliveryProps) {
    super(scope, id);
    this.siteBucket = new PrivateBucket(this, 'SiteBucket', {
      removalPolicy: props.removalPolicy,
      accessLogs: { bucket: props.accessLogsBucket, prefix: 'site-bucket/' },
    });
    // The edge refuses a preview after PREVIEW_TTL_HOURS; this removes its bytes.
    this.siteBucket.addLifecycleRule({
      id: 'ExpirePreviews',
      prefix: PREVIEW_SITE_PREFIX,
      expiration: Duration.days(PREVIEW_EXPIRATION_DAYS),
    });
    this.responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Newsroom security headers (shared/edge/response-headers.ts)',
      securityHeadersBehavior: securityHeadersBehavior(),
    });
    this.viewerRequestFunction = new CloudFrontFunction(this, 'ViewerRequest', {
      comment: 'Pretty URLs (shared/edge/viewer-request.js)',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromFile({ filePath: VIEWER_REQUEST_FILE }),
    });
    this.viewerResponseFunction = new CloudFrontFunction(this, 'ViewerResponse', {
      comment: 'Redirects and 410 Gone from object metadata (shared/edge/viewer-response.js)',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromFile({ filePath: VIEWER_RESPONSE_FILE }),
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Newsroom site',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      // Readers are worldwide: every edge location, not only North America and Europe.
      priceClass: PriceClass.PRICE_CLASS_ALL,
      domainNames: props.domain ? [props.domain.name] : undefined,
      certificate: props.domain?.certificate,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: props.accessLogsBucket,
      logFilePrefix: 'distribution/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        compress: true,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeadersPolicy,
        functionAssociations: [
          { function: this.viewerRequestFunction, eventType: FunctionEventType.VIEWER_REQUEST },
          { function: this.viewerResponseFunction, eventType: FunctionEventType.VIEWER_RESPONSE },
        ],
      },
      additionalBehaviors: props.api ? { [API_PATH_PATTERN]: this.apiBehavior(props.api) } : undefined,
      // Without s3:ListBucket a missing key is a 403 from S3: both mean "not found" to a reader.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 404,
        responsePagePath: NOT_FOUND_PAGE,
        ttl: Duration.minutes(1),
      })),
    });
    this.siteUrl = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'A news site is read worldwide; there is no country to restrict.',
    });
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason: props.api
          ? 'WAF is a stage setting (waf in cdk.json); this stage leaves it off: the one dynamic path, /api/*, limits requests per address and per client itself and its HTTP API stage is throttled.'
          : 'WAF is a stage setting (waf in cdk.json); this stage leaves it off: static pages from a private bucket, no forms or origin compute.',
      });
    }
    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain CloudFront serves its default certificate, whose minimum protocol cannot be set; a configured domain gets TLS 1.2_2021.',
      });
    }
  }

  /**
   * `/api/*`: every method, never cached, HTTPS only (a redirected POST would
   * lose its body), with the query string and the headers the API reads, but
   * not the viewer's Host (API Gateway routes on its own host name); plus
   * the origin token, which the API function requires.
   */
  private apiBehavior(api: NonNullable<SiteDeliveryProps['api']>): BehaviorOptions {
    return {
      origin: new HttpOrigin(api.domainName, {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [OriginSslPolicy.TLS_V1_2],
        customHeaders: { [API_ORIGIN_HEADER]: api.originToken },
      }),
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: new OriginRequestPolicy(this, 'ApiRequests', {
        comment: 'Newsroom subscription API: query string and the headers it reads',
        queryStringBehavior: OriginRequestQueryStringBehavior.all(),
        headerBehavior: OriginRequestHeaderBehavior.allowList(...API_FORWARDED_HEADERS),
        cookieBehavior: OriginRequestCookieBehavior.none(),
      }),
      responseHeadersPolicy: this.responseHeadersPolicy,
      compress: true,
    };
  }
}

/** The behaviour path of the subscription API (`SUBSCRIPTION_PATHS.apiPrefix`). */
export const API_PATH_PATTERN = `${SUBSCRIPTION_PATHS.apiPrefix}*`;
/** Headers the subscription API reads; CloudFront-Viewer-Address is the reader's address, added by CloudFront. */
export const API_FORWARDED_HEADERS = ['Content-Type', 'CloudFront-Viewer-Address'] as const;

/** The CloudFront security headers behaviour built from `SECURITY_HEADERS`. */
function securityHeadersBehavior() {
  const hsts = SECURITY_HEADERS.strictTransportSecurity;
  return {
    contentSecurityPolicy: { contentSecurityPolicy: SECURITY_HEADERS.contentSecurityPolicy, override: true },
    strictTransportSecurity: {
      accessControlMaxAge: Duration.seconds(hsts.maxAgeSeconds),
      includeSubdomains: hsts.includeSubdomains,
      preload: hsts.preload,
      override: true,
    },
    contentTypeOptions: { override: true },
    referrerPolicy: { referrerPolicy: enumValue(HeadersReferrerPolicy, SECURITY_HEADERS.referrerPolicy), override: true },
    frameOptions: { frameOption: enumValue(HeadersFrameOption, SECURITY_HEADERS.frameOptions), override: true },
  };
}

/** The member of a string enum whose value is `value`; throws when CloudFront has no such value. */
function enumValue<E extends string>(members: Record<string, E>, value: string): E {
  const member = Object.values(members).find((candidate) => candidate === value);
  if (member === undefined) throw new Error(`CloudFront does not support the header value "${value}"`);
  return member;
}
