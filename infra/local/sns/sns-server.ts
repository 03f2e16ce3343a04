import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSerialQueue, listenConcurrently, readRequestBody } from '../serial-http-server';
import type { ActionContext, ActionHandler } from './action-context';
import type { SnsDelivery } from './outbox';
import {
  createPlatformApplication,
  createPlatformEndpoint,
  deleteEndpoint,
  getEndpointAttributes,
  listEndpointsByPlatformApplication,
  setEndpointAttributes,
} from './platform-actions';
import { publish, publishBatch } from './publish-actions';
import { QueryParams } from './query-params';
import { SnsApiError } from './sns-api-error';
import { openSnsStateStore } from './sns-state';
import {
  getSubscriptionAttributes,
  listSubscriptions,
  listSubscriptionsByTopic,
  setSubscriptionAttributes,
  subscribe,
  unsubscribe,
} from './subscription-actions';
import { createTopic, deleteTopic, listTopics } from './topic-actions';
import { actionResponse, errorResponse } from './xml-response';

/** The Query API version the endpoint speaks. */
export const SNS_API_VERSION = '2010-03-31';

/** Largest request body accepted: ten 256 KiB messages, form-encoded. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  CreateTopic: createTopic,
  ListTopics: listTopics,
  DeleteTopic: deleteTopic,
  Subscribe: subscribe,
  Unsubscribe: unsubscribe,
  ListSubscriptions: listSubscriptions,
  ListSubscriptionsByTopic: listSubscriptionsByTopic,
  GetSubscriptionAttributes: getSubscriptionAttributes,
  SetSubscriptionAttributes: setSubscriptionAttributes,
  Publish: publish,
  PublishBatch: publishBatch,
  CreatePlatformApplication: createPlatformApplication,
  CreatePlatformEndpoint: createPlatformEndpoint,
  GetEndpointAttributes: getEndpointAttributes,
  SetEndpointAttributes: setEndpointAttributes,
  DeleteEndpoint: deleteEndpoint,
  ListEndpointsByPlatformApplication: listEndpointsByPlatformApplication,
};

/**
 * Actions that change no topic, subscription or endpoint (a publish only writes its own new outbox files), so they
 * run side by side, as AWS takes concurrent publishes; every other action runs one at a time, since they read and
 * change the shared state across awaits.
 */
const SIDE_BY_SIDE_ACTIONS: ReadonlySet<string> = new Set(['Publish', 'PublishBatch']);

/** Options of {@link startSnsServer}. */
export interface SnsServerOptions {
  /** Port to listen on. @default 0 (a free port) */
  readonly port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  readonly host?: string;
  /** Directory of the state file `sns.json` (topics, subscriptions); created when missing. */
  readonly stateDir: string;
  /** Directory that receives one JSON file per delivery; created when missing. */
  readonly outboxDir: string;
  /** Called after each delivery file is written; an exception fails the Publish with InternalError. */
  readonly onDelivery?: (delivery: SnsDelivery, file: string) => void;
  /** Clock of message timestamps. @default () => new Date() */
  readonly now?: () => Date;
}

/** A running local SNS endpoint. */
export interface SnsServer {
  /** The endpoint URL to give `SNSClient` (`endpoint`), e.g. `http://127.0.0.1:4575`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening, closes open connections and waits for the state file to be saved. */
  close(): Promise<void>;
}

/**
 * Starts a local endpoint of the SNS Query API (what `@aws-sdk/client-sns`
 * speaks) that keeps topics and subscriptions in `<stateDir>/sns.json` and
 * delivers each published message, to every subscription whose filter
 * policy matches, as a file in `outboxDir`. See README.md for where it
 * differs from AWS.
 */
export async function startSnsServer(options: SnsServerOptions): Promise<SnsServer> {
  await mkdir(options.outboxDir, { recursive: true });
  const store = await openSnsStateStore(options.stateDir);
  const context: ActionContext = {
    store,
    outboxDir: options.outboxDir,
    now: options.now ?? (() => new Date()),
    ...(options.onDelivery ? { onDelivery: options.onDelivery } : {}),
  };
  const serially = createSerialQueue();
  const server = await listenConcurrently((request, response) => handle(request, response, context, serially), options);
  return {
    url: server.url,
    port: server.port,
    async close() {
      await server.close();
      await store.save();
    },
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  context: ActionContext,
  serially: ReturnType<typeof createSerialQueue>,
): Promise<void> {
  const requestId = randomUUID();
  try {
    const body = await readBody(request);
    const params = QueryParams.parse(new URL(request.url ?? '/', 'http://local').search, body);
    const action = params.get('Action') ?? '';
    const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    if (!handler) throw new SnsApiError('InvalidAction', `The action ${action || '(none)'} is not valid for this endpoint.`);
    const version = params.get('Version');
    if (version !== undefined && version !== SNS_API_VERSION) {
      throw new SnsApiError('InvalidParameterValue', `Version ${version} is not supported; use ${SNS_API_VERSION}`);
    }
    const result = SIDE_BY_SIDE_ACTIONS.has(action) ? await handler(params, context) : await serially(() => handler(params, context));
    send(response, 200, actionResponse(action, result, requestId), requestId);
  } catch (error) {
    const apiError =
      error instanceof SnsApiError ? error : new SnsApiError('InternalError', `Local SNS endpoint failed: ${String(error)}`, 500, 'Receiver');
    send(response, apiError.status, errorResponse(apiError, requestId), requestId);
  }
}

function send(response: ServerResponse, status: number, xml: string, requestId: string): void {
  response.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(xml),
    'x-amzn-requestid': requestId,
  });
  response.end(xml);
}

function readBody(request: IncomingMessage): Promise<string> {
  return readRequestBody(
    request,
    MAX_BODY_BYTES,
    () => new SnsApiError('RequestEntityTooLarge', `Request body exceeds ${MAX_BODY_BYTES} bytes`, 413),
  );
}
