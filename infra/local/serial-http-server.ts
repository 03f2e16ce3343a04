import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** A local AWS API endpoint listening on loopback. */
export interface SerialHttpServer {
  /** The endpoint URL to give an SDK client (`endpoint`). */
  readonly url: string;
  readonly port: number;
  /** Stops listening, closes open connections and waits for the request in progress. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server that handles one request at a time, because the local
 * endpoints' actions read and change shared state across awaits. A handler
 * that throws ends its connection; the next request is still served.
 */
export async function listenSerially(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  options: { port?: number; host?: string } = {},
): Promise<SerialHttpServer> {
  const serially = createSerialQueue();
  return listenConcurrently((request, response) => serially(() => handle(request, response)), options);
}

/**
 * Runs the works it is given one at a time, in the order given; a work that throws rejects its own call only.
 * An endpoint whose actions mostly change shared state runs those through one queue and lets the others overlap.
 */
export function createSerialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
}

/**
 * Starts an HTTP server that handles each request as it arrives (see {@link createSerialQueue} for actions that
 * must not overlap). A handler that throws ends its connection; `close` waits for the requests in progress.
 */
export async function listenConcurrently(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  { port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {},
): Promise<SerialHttpServer> {
  const inProgress = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    const handling = handle(request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    inProgress.add(handling);
    void handling.finally(() => inProgress.delete(handling));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The local endpoint is not listening on a TCP port');
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await Promise.all(inProgress);
    },
  };
}

/** Reads a request body as UTF-8, refusing bodies over `maxBytes` with the error `tooLarge` makes. */
export async function readRequestBody(request: IncomingMessage, maxBytes: number, tooLarge: () => Error): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
