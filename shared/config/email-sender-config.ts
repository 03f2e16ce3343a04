import { createSesEmailSender, type EmailSender } from '../adapters/email-sender';
import { createSesV2Client } from './clients/sesv2-client';
import { fromAddress, type SubscriberConfig } from './subscriber-config';

/** The SES v2 sender the configuration describes (From address, configuration set). */
export function createEmailSenderFromConfig(config: SubscriberConfig): EmailSender {
  return createSesEmailSender({
    client: createSesV2Client(),
    from: fromAddress(config),
    ...(config.configurationSet ? { configurationSet: config.configurationSet } : {}),
  });
}
