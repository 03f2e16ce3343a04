import { createHash, randomUUID } from 'node:crypto';
import { listenSerially, readRequestBody, type SerialHttpServer } from './serial-http-server';

/** SQS quota: bytes of one message (and of one batch). */
const MAX_MESSAGE_BYTES = 1024 * 1024;
const ACCOUNT = '000000000000';

class SqsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Options of {@link startSqsEndpoint}. */
export interface SqsEndpointOptions {
  /** Queue name → what receives each message body (an in-process queue's `send`). */
  readonly queues: Readonly<Record<string, (body: string) => void>>;
  /** @default 0 (a free port) */
  readonly port?: number;
}

/** A running local SQS endpoint. */
export interface SqsEndpoint extends SerialHttpServer {
  /** The URL of a named queue, as `GetQueueUrl` would answer. */
  queueUrl(name: string): string;
  /** Creates another queue whose messages go to `deliver` (a consumer started after the endpoint). */
  addQueue(name: string, deliver: (body: string) => void): void;
}

/**
 * A local endpoint of the SQS JSON protocol (what `@aws-sdk/client-sqs`
 * speaks) for the producers' side only: `SendMessage` and `SendMessageBatch`
 * to the named queues, each message handed to that queue's in-process
 * consumer. Checked as SQS checks: the queue exists, 1 to 10 entries with
 * distinct ids, at most 1 MiB per message and per batch; answers carry the
 * body MD5 the SDK verifies. Differences from AWS: no ReceiveMessage (the
 * in-process queue is the event source mapping), no attributes, delays or FIFO.
 */
export async function startSqsEndpoint(options: SqsEndpointOptions): Promise<SqsEndpoint> {
  let base = '';
  const queues = new Map(Object.entries(options.queues));
  const queueOf = (url: unknown) => {
    const name = typeof url === 'string' ? url.slice(url.lastIndexOf('/') + 1) : '';
    const deliver = queues.get(name);
    if (!deliver || url !== `${base}/${ACCOUNT}/${name}`)
      throw new SqsError('QueueDoesNotExist', `The specified queue does not exist: ${String(url)}`);
    return deliver;
  };
  const accept = (deliver: (body: string) => void, body: unknown) => {
    if (typeof body !== 'string' || body.length === 0) throw new SqsError('InvalidParameterValue', 'MessageBody is required');
    if (Buffer.byteLength(body) > MAX_MESSAGE_BYTES) throw new SqsError('InvalidParameterValue', 'Message must be shorter than 1048576 bytes');
    deliver(body);
    return { MessageId: randomUUID(), MD5OfMessageBody: createHash('md5').update(body).digest('hex') };
  };
  const actions: Record<string, (input: Record<string, unknown>) => unknown> = {
    SendMessage: (input) => accept(queueOf(input.QueueUrl), input.MessageBody),
    SendMessageBatch: (input) => {
      const deliver = queueOf(input.QueueUrl);
      const entries = Array.isArray(input.Entries) ? (input.Entries as Array<Record<string, unknown>>) : [];
      if (entries.length === 0) throw new SqsError('EmptyBatchRequest', 'The batch request does not contain any entries.');
      if (entries.length > 10) throw new SqsError('TooManyEntriesInBatchRequest', 'Maximum number of entries per request are 10.');
      if (new Set(entries.map((e) => e.Id)).size !== entries.length)
        throw new SqsError('BatchEntryIdsNotDistinct', 'Two or more batch entries have the same Id.');
      const total = entries.reduce((sum, e) => sum + Buffer.byteLength(String(e.MessageBody ?? '')), 0);
      if (total > MAX_MESSAGE_BYTES) throw new SqsError('BatchRequestTooLong', 'Batch requests cannot be longer than 1048576 bytes.');
      return { Successful: entries.map((entry) => ({ Id: entry.Id, ...accept(deliver, entry.MessageBody) })), Failed: [] };
    },
  };
  const server = await listenSerially(
    async (request, response) => {
      const send = (status: number, body: unknown) =>
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(body));
      try {
        const target = String(request.headers['x-amz-target'] ?? '');
        const action = actions[target.replace(/^AmazonSQS\./, '')];
        const text = await readRequestBody(request, 2 * MAX_MESSAGE_BYTES, () => new SqsError('InvalidParameterValue', 'Request too large'));
        if (!action) throw new SqsError('InvalidAction', `The action ${target} is not valid for this endpoint.`);
        send(200, action(JSON.parse(text) as Record<string, unknown>));
      } catch (error) {
        if (error instanceof SqsError) send(400, { __type: `com.amazonaws.sqs#${error.type}`, message: error.message });
        else send(500, { __type: 'com.amazonaws.sqs#InternalError', message: String(error) });
      }
    },
    { port: options.port ?? 0 },
  );
  base = server.url;
  return {
    ...server,
    close: () => server.close(),
    queueUrl: (name) => `${base}/${ACCOUNT}/${name}`,
    addQueue: (name, deliver) => {
      queues.set(name, deliver);
    },
  };
}
