import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { createDeviceRegistry } from '../../shared/adapters/device-registry';
import { createSnsClient } from '../../shared/config/clients/sns-client';
import { readSubscriberConfig } from '../../shared/config/subscriber-config';
import { ConfigurationError } from '../../shared/config/runtime-config';
import { createLogger } from '../../shared/runtime/logger';
import { traced, tracer } from '../../shared/runtime/tracing';

const config = readSubscriberConfig();
if (!config.alertsTopicArn) throw new ConfigurationError('Invalid configuration: the alerts topic ARN is not set');
const logger = createLogger('sweep-devices');
const registry = createDeviceRegistry({
  client: traced(createSnsClient()),
  topicArn: config.alertsTopicArn,
  applications: { apns: config.apnsApplicationArn, fcm: config.fcmApplicationArn },
});

/** A schedule (hourly) → app endpoints SNS disabled (APNs or FCM said the token is gone) are unsubscribed and deleted. */
export const handler = middy(async (): Promise<{ removed: number }> => {
  const removed = await registry.sweepDisabled();
  logger.info('sweep', { removed });
  return { removed };
})
  .use(injectLambdaContext(logger))
  .use(captureLambdaHandler(tracer));
