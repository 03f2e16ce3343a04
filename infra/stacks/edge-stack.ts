import { Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate, CertificateValidation, type ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import { HostedZone } from 'aws-cdk-lib/aws-route53';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config';
import { SiteWebAcl } from '../constructs/web-acl';

/** The region CloudFront takes its certificates and web ACLs from. */
export const EDGE_REGION = 'us-east-1';

/** Properties of an {@link EdgeStack}. */
export interface EdgeStackProps extends StackProps {
  readonly config: StageConfig;
}

/**
 * What a stage's distribution needs from us-east-1: the DNS-validated
 * certificate of its custom domain (validated in its hosted zone when the
 * stage names one, otherwise by the record the operator creates) and the
 * optional WAF web ACL. The data stack reads both as cross-region references.
 */
export class EdgeStack extends Stack {
  /** The custom domain's certificate, when the stage has a domain. */
  readonly certificate?: ICertificate;
  /** The web ACL, when the stage turns WAF on. */
  readonly webAcl?: SiteWebAcl;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { domain, waf, name } = props.config;
    if (domain) {
      const zone = domain.hostedZone
        ? HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: domain.hostedZone.id, zoneName: domain.hostedZone.name })
        : undefined;
      this.certificate = new Certificate(this, 'Certificate', {
        domainName: domain.name,
        validation: CertificateValidation.fromDns(zone),
      });
    }
    if (waf) this.webAcl = new SiteWebAcl(this, 'WebAcl', { rateLimitPer5Minutes: waf.rateLimitPer5Minutes, metricPrefix: `newsroom-${name}` });
  }
}
