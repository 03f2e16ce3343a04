import { CfnOutput } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { AaaaRecord, ARecord, HostedZone, RecordTarget } from 'aws-cdk-lib/aws-route53';
import { CloudFrontTarget } from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import type { DomainConfig } from '../config/stage-config';

/** Output key of the DNS record an operator without a hosted zone must create. */
export const ALIAS_RECORD_OUTPUT = 'DnsAliasRecord';
/** Output key of where the certificate validation record can be read. */
export const VALIDATION_RECORD_OUTPUT = 'DnsValidationRecord';

/** Properties of a {@link CustomDomain}. */
export interface CustomDomainProps {
  readonly domain: DomainConfig;
  readonly distribution: IDistribution;
  /** ARN of the domain's certificate (in us-east-1). */
  readonly certificateArn: string;
}

/**
 * Points a custom domain at the distribution. With a hosted zone: Route 53
 * A and AAAA alias records. Without one: outputs that tell the operator which
 * records to create at their DNS provider (the alias as a CNAME; the
 * certificate's validation CNAME, which ACM shows while the edge stack waits).
 */
export class CustomDomain extends Construct {
  /** The alias records, when the stage names a hosted zone. */
  readonly records: readonly (ARecord | AaaaRecord)[];

  constructor(scope: Construct, id: string, props: CustomDomainProps) {
    super(scope, id);
    const { domain, distribution } = props;
    if (domain.hostedZone) {
      const zone = HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: domain.hostedZone.id, zoneName: domain.hostedZone.name });
      const target = RecordTarget.fromAlias(new CloudFrontTarget(distribution));
      this.records = [
        new ARecord(this, 'Alias', { zone, recordName: domain.name, target }),
        new AaaaRecord(this, 'AliasIpv6', { zone, recordName: domain.name, target }),
      ];
      return;
    }
    this.records = [];
    new CfnOutput(scope, ALIAS_RECORD_OUTPUT, {
      description: 'Create this record at your DNS provider (an apex domain needs an ALIAS/ANAME record instead)',
      value: `${domain.name}. CNAME ${distribution.distributionDomainName}.`,
    });
    new CfnOutput(scope, VALIDATION_RECORD_OUTPUT, {
      description: 'Create the certificate validation CNAME this command prints (the edge stack waits for it on first deploy)',
      value: `aws acm describe-certificate --region us-east-1 --certificate-arn ${props.certificateArn} --query Certificate.DomainValidationOptions[].ResourceRecord`,
    });
  }
}
