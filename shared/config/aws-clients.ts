import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The AWS clients the functions use, built once per process. */
export interface AwsClients {
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBDocumentClient;
  readonly sns: SNSClient;
  readonly cloudfront: CloudFrontClient;
}

/**
 * Builds the AWS clients. On AWS nothing is overridden. Locally and in tests
 * the standard `AWS_ENDPOINT_URL_<SERVICE>` variables point each client at
 * the embedded service; S3 then uses path-style addressing and computes
 * checksums only when required, because s3rver stores aws-chunked bodies
 * with their framing otherwise.
 */
export function createAwsClients(env: NodeJS.ProcessEnv = process.env): AwsClients {
  const s3Endpoint = env.AWS_ENDPOINT_URL_S3;
  const s3 = new S3Client(
    s3Endpoint
      ? {
          endpoint: s3Endpoint,
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {},
  );
  const ddbEndpoint = env.AWS_ENDPOINT_URL_DYNAMODB;
  const dynamodb = DynamoDBDocumentClient.from(new DynamoDBClient(ddbEndpoint ? { endpoint: ddbEndpoint } : {}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const snsEndpoint = env.AWS_ENDPOINT_URL_SNS;
  const sns = new SNSClient(snsEndpoint ? { endpoint: snsEndpoint } : {});
  const cloudfront = new CloudFrontClient({});
  return { s3, dynamodb, sns, cloudfront };
}
