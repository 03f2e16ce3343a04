import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { OutgoingEmail } from '../domain/subscriptions/emails';

/** How a send ended when it did not succeed. */
export type SendErrorKind =
  /** SES refused the message: it was not sent (bad address, rejected content, suppressed). */
  | 'rejected'
  /** SES is throttling: it was not sent; try again later. */
  | 'throttled'
  /** No answer, or a server error: SES may have accepted it. */
  | 'uncertain';

/** A send that did not certainly succeed, with what is known about it. */
export class EmailSendError extends Error {
  override readonly name = 'EmailSendError';
  constructor(
    readonly kind: SendErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Sends one email. */
export interface EmailSender {
  /** @returns the provider's message id. @throws EmailSendError */
  send(email: OutgoingEmail): Promise<string>;
}

const REJECTED = new Set([
  'MessageRejected',
  'BadRequestException',
  'AccountSuspendedException',
  'SendingPausedException',
  'MailFromDomainNotVerifiedException',
  'NotFoundException',
]);
const THROTTLED = new Set(['TooManyRequestsException', 'LimitExceededException', 'ThrottlingException']);

/** Classifies an SES error: only an answer that says "not sent" is `rejected` or `throttled`. */
export function classifySesError(error: unknown): SendErrorKind {
  const name = error instanceof Error ? error.name : '';
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  if (THROTTLED.has(name) || status === 429) return 'throttled';
  if (REJECTED.has(name) || (status !== undefined && status >= 400 && status < 500)) return 'rejected';
  return 'uncertain';
}

/** Options of {@link createSesEmailSender}. */
export interface SesEmailSenderOptions {
  readonly client: SESv2Client;
  /** The `From` address, e.g. `The Newsroom <alerts@news.example>`. */
  readonly from: string;
  /** The configuration set whose event destination reports bounces and complaints. */
  readonly configurationSet?: string;
}

/** Sends through SES v2 `SendEmail` with simple content: HTML and text parts and the email's own headers. */
export function createSesEmailSender({ client, from, configurationSet }: SesEmailSenderOptions): EmailSender {
  return {
    async send(email) {
      try {
        const { MessageId } = await client.send(
          new SendEmailCommand({
            FromEmailAddress: from,
            Destination: { ToAddresses: [email.to] },
            ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
            Content: {
              Simple: {
                Subject: { Data: email.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
                ...(email.headers.length > 0 ? { Headers: email.headers.map((h) => ({ Name: h.name, Value: h.value })) } : {}),
              },
            },
          }),
        );
        return MessageId ?? '';
      } catch (error) {
        throw new EmailSendError(classifySesError(error), error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
    },
  };
}
