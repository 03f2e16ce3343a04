import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenSerially, readRequestBody } from '../serial-http-server';

/** SQS refuses message bodies over 256 KiB. */
export const MAX_SQS_MESSAGE_BYTES = 256 * 1024;
const LOCAL_ACCOUNT = '000000000000';

/** A running local SQS endpoint. */
export interface SqsServer {
  readonly url: string;
  /** The queue URL of a queue name, as SQS forms it. */
  queueUrl(name: string): string;
  close(): Promise<void>;
}

/** Options of {@link startSqsServer}. */
export interface SqsServerOptions {
  /** @default 0 (any free port) */
  readonly port?: number;
  /** Where each queue's messages go, by queue name (the in-process queues of the local stack). */
  readonly queues: Readonly<Record<string, (body: string) => void>>;
}

class SqsApiError extends Error {
  constructor(
    readonly type: string,
    readonly queryCode: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The part of the SQS API the pipeline sends with (`SendMessage`, AWS JSON
 * 1.0 protocol, as the current SDK speaks it), in front of the local stack's
 * in-process queues, so the same SQS client code runs. Refuses unknown
 * queues (`QueueDoesNotExist`) and bodies over 256 KiB as SQS does; answers
 * with the body's MD5, which the SDK checks. Receiving is the in-process
 * queue's job (it invokes the consumer as an event source mapping would).
 * Listens on 127.0.0.1.
 */
export async function startSqsServer(options: SqsServerOptions): Promise<SqsServer> {
  let base = '';
  const queueUrl = (name: string) => `${base}/${LOCAL_ACCOUNT}/${name}`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const target = String(request.headers['x-amz-target'] ?? '');
      const body = await readRequestBody(request, 2 * MAX_SQS_MESSAGE_BYTES, () => new SqsApiError('InvalidParameterValue', 'InvalidParameterValue', 'Request too large'));
      if (target !== 'AmazonSQS.SendMessage') throw new SqsApiError('UnsupportedOperation', 'AWS.SimpleQueueService.UnsupportedOperation', `${target} is not supported locally`);
      const input: unknown = JSON.parse(body);
      const { QueueUrl, MessageBody } = (input ?? {}) as { QueueUrl?: unknown; MessageBody?: unknown };
      if (typeof MessageBody !== 'string' || MessageBody === '') throw new SqsApiError('MissingParameter', 'MissingParameter', 'MessageBody is required');
      if (Buffer.byteLength(MessageBody) > MAX_SQS_MESSAGE_BYTES) {
        throw new SqsApiError('InvalidParameterValue', 'InvalidParameterValue', `Message must be shorter than ${MAX_SQS_MESSAGE_BYTES} bytes.`);
      }
      const name = typeof QueueUrl === 'string' ? QueueUrl.slice(QueueUrl.lastIndexOf('/') + 1) : '';
      const deliver = typeof QueueUrl === 'string' && QueueUrl === queueUrl(name) ? options.queues[name] : undefined;
      if (!deliver) throw new SqsApiError('QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.');
      deliver(MessageBody);
      reply(response, 200, { MessageId: randomUUID(), MD5OfMessageBody: createHash('md5').update(MessageBody).digest('hex') });
    } catch (error) {
      if (!(error instanceof SqsApiError)) throw error;
      response.setHeader('x-amzn-query-error', `${error.queryCode};Sender`);
      reply(response, 400, { __type: `com.amazonaws.sqs#${error.type}`, message: error.message });
    }
  }

  const server = await listenSerially(handle, { port: options.port ?? 0 });
  base = server.url;
  return { url: server.url, queueUrl, close: () => server.close() };
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() });
  response.end(JSON.stringify(body));
}
