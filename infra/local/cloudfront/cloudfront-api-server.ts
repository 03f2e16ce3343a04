import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { listenSerially, readRequestBody } from '../serial-http-server';
import { CloudFrontApiError, createInvalidationState, type Invalidation, type InvalidationState } from './invalidation-state';

/** The CloudFront API version the SDK speaks. */
const API_VERSION = '2020-05-31';
const XMLNS = `http://cloudfront.amazonaws.com/doc/${API_VERSION}/`;
const MAX_BODY_BYTES = 1024 * 1024;

/** A running local CloudFront API. */
export interface CloudFrontApiServer {
  readonly url: string;
  readonly state: InvalidationState;
  close(): Promise<void>;
}

/** Options of {@link startCloudFrontApiServer}. */
export interface CloudFrontApiServerOptions {
  /** @default 0 (any free port) */
  readonly port?: number;
  /** The local distributions. */
  readonly distributionIds: readonly string[];
  /** How long an invalidation stays in progress. @default 60 s, about what CloudFront takes */
  readonly completeAfterMs?: number;
  /** Told of every refused request, e.g. for the local log. */
  readonly onRejected?: (error: CloudFrontApiError) => void;
}

const parser = new XMLParser({ isArray: (name) => name === 'Path', parseTagValue: false, trimValues: true });
const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

/**
 * The invalidation part of the CloudFront API (CreateInvalidation,
 * GetInvalidation) in REST-XML, as the AWS SDK calls it, with CloudFront's
 * rules (`invalidation-state.ts`). The local CDN has no cache, so a
 * completed invalidation changes nothing there; what matters is that a
 * request CloudFront would refuse is refused here too. Listens on 127.0.0.1.
 */
export async function startCloudFrontApiServer(options: CloudFrontApiServerOptions): Promise<CloudFrontApiServer> {
  const state = createInvalidationState({ distributionIds: options.distributionIds, completeAfterMs: options.completeAfterMs ?? 60_000 });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const match = new RegExp(`^/${API_VERSION}/distribution/([^/]+)/invalidation(?:/([^/]+))?$`).exec(path);
      if (!match) throw new CloudFrontApiError('InvalidArgument', 404, `No local CloudFront action at ${request.method} ${path}`);
      const [, distributionId = '', invalidationId] = match;
      if (request.method === 'POST' && !invalidationId) {
        const body = await readRequestBody(request, MAX_BODY_BYTES, () => new CloudFrontApiError('InvalidArgument', 400, 'Body too large'));
        const { callerReference, paths } = parseBatch(body);
        const invalidation = state.create(distributionId, callerReference, paths);
        const location = `https://cloudfront.amazonaws.com/${API_VERSION}/distribution/${distributionId}/invalidation/${invalidation.id}`;
        send(response, 201, invalidationXml(invalidation, state), { location });
      } else if (request.method === 'GET' && invalidationId) {
        send(response, 200, invalidationXml(state.get(distributionId, invalidationId), state));
      } else {
        throw new CloudFrontApiError('InvalidArgument', 405, `No local CloudFront action at ${request.method} ${path}`);
      }
    } catch (error) {
      if (!(error instanceof CloudFrontApiError)) throw error;
      options.onRejected?.(error);
      const body = builder.build({
        ErrorResponse: {
          '@_xmlns': XMLNS,
          Error: { Type: error.status >= 500 ? 'Receiver' : 'Sender', Code: error.code, Message: error.message },
          RequestId: randomUUID(),
        },
      });
      send(response, error.status, body);
    }
  }

  const server = await listenSerially(handle, { port: options.port ?? 0 });
  return { url: server.url, state, close: () => server.close() };
}

function send(response: ServerResponse, status: number, xml: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/xml', 'x-amz-request-id': randomUUID(), ...headers });
  response.end(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
}

/** Reads an `InvalidationBatch` document; a Quantity that disagrees with the items is refused, as CloudFront does. */
function parseBatch(body: string): { callerReference: string; paths: string[] } {
  let document: unknown;
  try {
    document = parser.parse(body);
  } catch {
    throw new CloudFrontApiError('MalformedInput', 400, 'The request body is not well-formed XML.');
  }
  const batch = (document as { InvalidationBatch?: Record<string, unknown> }).InvalidationBatch;
  if (!batch || typeof batch !== 'object') throw new CloudFrontApiError('MissingBody', 400, 'An InvalidationBatch is required.');
  const pathsNode = (batch.Paths ?? {}) as { Quantity?: string; Items?: { Path?: unknown[] } };
  const paths = (pathsNode.Items?.Path ?? []).map((path) => String(path));
  if (Number(pathsNode.Quantity) !== paths.length) {
    throw new CloudFrontApiError('InconsistentQuantities', 400, 'The value of Quantity and the size of Items do not match.');
  }
  return { callerReference: String(batch.CallerReference ?? ''), paths };
}

function invalidationXml(invalidation: Invalidation, state: InvalidationState): string {
  const running = state.inProgress(invalidation.distributionId).includes(invalidation);
  return builder.build({
    Invalidation: {
      '@_xmlns': XMLNS,
      Id: invalidation.id,
      Status: running ? 'InProgress' : 'Completed',
      CreateTime: invalidation.createTime.toISOString(),
      InvalidationBatch: {
        Paths: { Quantity: invalidation.paths.length, Items: { Path: invalidation.paths } },
        CallerReference: invalidation.callerReference,
      },
    },
  });
}
