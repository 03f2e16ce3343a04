import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/** Properties of a {@link SiteWebAcl}. */
export interface SiteWebAclProps {
  /** Requests one IP address may make in any 5 minutes before it is blocked. */
  readonly rateLimitPer5Minutes: number;
  /** Prefix of the WAF CloudWatch metric names, e.g. `newsroom-staging`. */
  readonly metricPrefix: string;
}

/** Name of the AWS managed rule group the web ACL applies. */
export const COMMON_RULE_SET = 'AWSManagedRulesCommonRuleSet';

/**
 * A WAF web ACL for a CloudFront distribution (so it must be created in
 * us-east-1): the AWS managed common rule set, then a per-IP rate limit that
 * blocks an address over its limit; everything else is allowed. Each rule
 * reports CloudWatch metrics and keeps sampled requests.
 */
export class SiteWebAcl extends Construct {
  /** The web ACL; its ARN is what the distribution takes. */
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: SiteWebAclProps) {
    super(scope, id);
    const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({
      metricName: `${props.metricPrefix}-${name}`,
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Newsroom site: AWS managed common rules and a per-IP rate limit',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('web-acl'),
      rules: [
        {
          name: COMMON_RULE_SET,
          priority: 0,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: COMMON_RULE_SET } },
          visibilityConfig: visibility('common-rules'),
        },
        {
          name: 'RateLimitPerIp',
          priority: 1,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: props.rateLimitPer5Minutes, aggregateKeyType: 'IP', evaluationWindowSec: 300 },
          },
          visibilityConfig: visibility('rate-limit'),
        },
      ],
    });
  }
}
