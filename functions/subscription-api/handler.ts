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
import { createDeviceRegistry } from '../../shared/adapters/device-registry';
import { createSnsClient } from '../../shared/config/clients/sns-client';
import { createLogger } from '../../shared/runtime/logger';
import { traced, tracer } from '../../shared/runtime/tracing';
import { handleSubscriptionRequest } from '../../shared/use-cases/subscriptions/subscription-api';
import { cameThroughCdn } from '../../shared/domain/subscriptions/origin-token';
import { API_ORIGIN_HEADER } from '../../events/subscriber-names';

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
  ...devices(),
  ...(config.vapidPublicKey
    ? { push: { store: createPushSubscriptionStore({ client: dynamodb, tableName: config.tableName }), publicKey: config.vapidPublicKey } }
    : {}),
};

/** App devices, when the stage has a platform application (and so the alerts topic to subscribe them to). */
function devices() {
  const applications = { apns: config.apnsApplicationArn, fcm: config.fcmApplicationArn };
  if (!config.alertsTopicArn || (!applications.apns && !applications.fcm)) return {};
  return { devices: createDeviceRegistry({ client: createSnsClient(), topicArn: config.alertsTopicArn, applications }) };
}

/** Behind CloudFront the socket is CloudFront's; the viewer's address comes in CloudFront-Viewer-Address (`ip:port`). */
function clientIp(event: APIGatewayProxyEventV2): string {
  const viewer = event.headers['cloudfront-viewer-address'];
  return viewer ? viewer.slice(0, viewer.lastIndexOf(':')) : event.requestContext.http.sourceIp;
}

/** HTTP (function URL or HTTP API, payload v2) → the subscription API. */
export const handler = middy(async (event: APIGatewayProxyEventV2, _context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
  if (!cameThroughCdn(event.headers[API_ORIGIN_HEADER], config.originToken)) return { statusCode: 403, body: 'Forbidden' };
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
