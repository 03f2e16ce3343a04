import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenSerially, readRequestBody } from '../serial-http-server';
import { createSchedule, deleteSchedule, getSchedule, listSchedules, updateSchedule, type Action, type ActionContext } from './schedule-actions';
import { createScheduleRunner, type InvokeTarget } from './schedule-runner';
import { SchedulerApiError, validationError } from './scheduler-api-error';
import { openSchedulerStateStore, type ScheduleFailure } from './scheduler-state';

/** Largest request body accepted (a schedule's Input is at most 256 KiB on AWS). */
const MAX_BODY_BYTES = 1024 * 1024;

const ROUTES: Readonly<Record<string, Action>> = {
  'POST /schedules/{Name}': createSchedule,
  'PUT /schedules/{Name}': updateSchedule,
  'GET /schedules/{Name}': getSchedule,
  'DELETE /schedules/{Name}': deleteSchedule,
  'GET /schedules': listSchedules,
};

/** Options of {@link startSchedulerServer}. */
export interface SchedulerServerOptions {
  /** Port to listen on. @default 0 (a free port) */
  readonly port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  readonly host?: string;
  /** Directory of the state file `schedules.json`; created when missing. */
  readonly stateDir: string;
  /** Runs a due schedule's target (e.g. maps a function ARN to its handler). A rejection is a failed attempt. */
  readonly invoke: InvokeTarget;
  /** Called when a run failed its first attempt and every retry; the failure is also kept in the state file. */
  readonly onFailure?: (failure: ScheduleFailure) => void;
  /** Clock of due times and dates. @default () => new Date() */
  readonly now?: () => Date;
  /** Retries after a failed attempt. @default 3 */
  readonly maxRetries?: number;
  /** Delay before the first retry, doubled for each next one. @default 1000 */
  readonly retryDelayMs?: number;
}

/** A running local EventBridge Scheduler endpoint. */
export interface SchedulerServer {
  /** The endpoint URL to give `SchedulerClient` (`endpoint`), e.g. `http://127.0.0.1:4590`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and firing, waits for attempts in progress and for the state file to be saved. */
  close(): Promise<void>;
}

/**
 * Starts a local endpoint of the EventBridge Scheduler REST-JSON API (what
 * `@aws-sdk/client-scheduler` speaks) for one-time `at()` schedules. It keeps
 * schedules in `<stateDir>/schedules.json`, so they survive a restart, and
 * calls `invoke` when one is due (at once for any overdue at start). See
 * README.md for where it differs from AWS.
 */
export async function startSchedulerServer(options: SchedulerServerOptions): Promise<SchedulerServer> {
  const now = options.now ?? (() => new Date());
  const store = await openSchedulerStateStore(options.stateDir);
  const runner = createScheduleRunner({
    store,
    invoke: options.invoke,
    now,
    ...(options.onFailure ? { onFailure: options.onFailure } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
  });
  const context: ActionContext = { store, now, changed: () => runner.arm() };
  const server = await listenSerially((request, response) => handle(request, response, context), options);
  runner.arm();
  return {
    url: server.url,
    port: server.port,
    async close() {
      await server.close();
      await runner.close();
      await store.save();
    },
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, context: ActionContext): Promise<void> {
  const requestId = randomUUID();
  try {
    const url = new URL(request.url ?? '/', 'http://local');
    const segments = url.pathname.split('/').filter(Boolean);
    const route = segments[0] === 'schedules' && segments.length <= 2 ? (segments.length === 2 ? '/schedules/{Name}' : '/schedules') : '';
    const key = `${request.method ?? 'GET'} ${route}`;
    const action = Object.hasOwn(ROUTES, key) ? ROUTES[key] : undefined;
    if (!action) throw new SchedulerApiError('UnknownOperationException', `No operation at ${request.method} ${url.pathname}`, 404);
    const text = await readBody(request);
    let body: unknown = {};
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw validationError('The request body is not valid JSON');
      }
    }
    const name = segments[1] === undefined ? undefined : decodeURIComponent(segments[1]);
    const result = await action({ ...(name !== undefined ? { name } : {}), query: url.searchParams, body }, context);
    send(response, 200, result, requestId);
  } catch (error) {
    const apiError =
      error instanceof SchedulerApiError
        ? error
        : new SchedulerApiError('InternalServerException', `Local scheduler endpoint failed: ${String(error)}`, 500);
    send(response, apiError.status, { message: apiError.message }, requestId, apiError.type);
  }
}

function send(response: ServerResponse, status: number, body: unknown, requestId: string, errorType?: string): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
    'x-amzn-requestid': requestId,
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(json);
}

function readBody(request: IncomingMessage): Promise<string> {
  return readRequestBody(request, MAX_BODY_BYTES, () => validationError(`Request body exceeds ${MAX_BODY_BYTES} bytes`));
}
