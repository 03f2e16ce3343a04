import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createEmailSenderFromConfig } from '../../shared/config/email-sender-config';
import { createRateLimiter } from '../../shared/adapters/rate-limiter';
import { createSubscriberStore } from '../../shared/adapters/subscriber-store';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { linkSecret, readSubscriberConfig } from '../../shared/config/subscriber-config';
import { createPushSubscriptionStore } from '../../shared/adapters/push-subscription-store';
import { createLogger } from '../../shared/runtime/logger';
import { traced, tracer } from '../../shared/runtime/tracing';
import { handleSubscriptionRequest } from '../../shared/use-cases/subscriptions/subscription-api';

const config = readSubscriberConfig();
const logger = createLogger('subscription-api');
const dynamodb = traced(createDynamoDbClient());
const deps = {
  store: createSubscriberStore({ client: dynamodb, tableName: config.tableName }),
  limiter: createRateLimiter({ client: dynamodb, tableName: config.tableName }),
  mailer: createEmailSenderFromConfig(config),
  secret: linkSecret(config),
  site: { baseUrl: config.siteUrl, publication: config.publication },
  now: () => new Date(),
  ...(config.vapidPublicKey
    ? { push: { store: createPushSubscriptionStore({ client: dynamodb, tableName: config.tableName }), publicKey: config.vapidPublicKey } }
    : {}),
};

/** Behind CloudFront the socket is CloudFront's; the viewer's address comes in CloudFront-Viewer-Address (`ip:port`). */
function clientIp(event: APIGatewayProxyEventV2): string {
  const viewer = event.headers['cloudfront-viewer-address'];
  return viewer ? viewer.slice(0, viewer.lastIndexOf(':')) : event.requestContext.http.sourceIp;
}

/** HTTP (function URL or HTTP API, payload v2) → the subscription API. */
export const handler = middy(async (event: APIGatewayProxyEventV2, _context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
  const body = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  const response = await handleSubscriptionRequest(deps, {
    method: event.requestContext.http.method,
    path: event.rawPath,
    query: event.queryStringParameters ?? {},
    contentType: event.headers['content-type'],
    body,
    clientIp: clientIp(event),
  });
  logger.info('request', { method: event.requestContext.http.method, path: event.rawPath, status: response.status });
  return { statusCode: response.status, headers: { ...response.headers }, body: response.body };
})
  .use(injectLambdaContext(logger))
  .use(captureLambdaHandler(tracer));
