import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { WildcardAcknowledgment } from '../nag/wildcard-acknowledgments';

/** The wildcard actions of `grantRead`: CDK's read set for objects and their bucket. */
export const BUCKET_READ_ACTIONS_WILDCARD: WildcardAcknowledgment = {
  finding: /^Action::s3:(GetObject|GetBucket|List)\*$/,
  reason: "CDK's grantRead action set (object versions, ACL-free metadata, listing), limited to one bucket and key pattern.",
};
/** The wildcard actions of `grantPut`/`grantWrite`/`grantDelete`. */
export const BUCKET_WRITE_ACTIONS_WILDCARD: WildcardAcknowledgment = {
  finding: /^Action::s3:(Abort|DeleteObject)\*$/,
  reason: "CDK's write set: aborting its own multipart uploads and deleting object versions, limited to one bucket and key pattern.",
};

/** Properties of a {@link PrivateBucket}. */
export interface PrivateBucketProps {
  /** Where S3 writes this bucket's server access logs; none for the log bucket itself. */
  readonly accessLogs?: { readonly bucket: IBucket; readonly prefix: string };
  /** Keep every version of every object. @default false */
  readonly versioned?: boolean;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** Days a replaced or deleted version is kept (versioned buckets). @default - forever */
  readonly noncurrentVersionDays?: number;
}

/**
 * A bucket that is private by construction: Block Public Access on all four
 * settings, S3-managed encryption, a policy denying non-TLS requests, and
 * ACLs disabled. A bucket removed with its stack (`RemovalPolicy.DESTROY`)
 * empties itself first, every version included, so the stack can be deleted.
 */
export class PrivateBucket extends Bucket {
  constructor(scope: Construct, id: string, props: PrivateBucketProps = {}) {
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    super(scope, id, {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: props.versioned ?? false,
      removalPolicy,
      autoDeleteObjects: removalPolicy === RemovalPolicy.DESTROY,
      serverAccessLogsBucket: props.accessLogs?.bucket,
      serverAccessLogsPrefix: props.accessLogs?.prefix,
      lifecycleRules: [
        {
          abortIncompleteMultipartUploadAfter: Duration.days(7),
          noncurrentVersionExpiration: props.noncurrentVersionDays ? Duration.days(props.noncurrentVersionDays) : undefined,
        },
      ],
    });
  }
}
