import { S3Client } from '@aws-sdk/client-s3';

/**
 * The S3 client. On AWS nothing is overridden; locally `AWS_ENDPOINT_URL_S3`
 * points it at s3rver, with path-style addressing and checksums only when
 * required, because s3rver stores aws-chunked bodies with their framing otherwise.
 */
export function createS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  const endpoint = env.AWS_ENDPOINT_URL_S3;
  return new S3Client(
    endpoint ? { endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {},
  );
}
