/**
 * The credentials every local client uses. s3rver only accepts this key pair
 * (its built-in account); DynamoDB Local and the local SNS endpoint accept any.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** The region every local client uses. */
export const LOCAL_REGION = 'us-east-1';
