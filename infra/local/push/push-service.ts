import { createECDH, createPublicKey, randomBytes, randomUUID, verify, type ECDH } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { decrypt } from 'http_ece';
import { listenSerially, type SerialHttpServer } from '../serial-http-server';

/** A browser's push subscription, as `PushSubscription.toJSON()` gives it. */
export interface BrowserPushSubscription {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

/** A push message the service accepted and decrypted. */
export interface ReceivedPush {
  /** The decrypted payload (RFC 8291). */
  readonly payload: string;
  /** The VAPID claims the sender signed (RFC 8292). */
  readonly claims: { readonly aud: string; readonly exp: number; readonly sub: string };
  readonly ttl: number;
}

interface Client {
  readonly ecdh: ECDH;
  readonly auth: Buffer;
  readonly applicationServerKey: string;
  readonly received: ReceivedPush[];
}

/** A running local push service. */
export interface PushService extends SerialHttpServer {
  /** Plays the browser: creates a subscription bound to the application server's VAPID public key. */
  subscribe(applicationServerKey: string): BrowserPushSubscription;
  /** Plays the browser unsubscribing: later pushes answer 410 Gone. */
  unsubscribe(endpoint: string): void;
  /** The decrypted messages delivered to a subscription. */
  received(endpoint: string): readonly ReceivedPush[];
}

class PushError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const b64url = (buffer: Buffer) => buffer.toString('base64url');
/** Push services accept payloads up to 4096 bytes. */
const MAX_PAYLOAD_BYTES = 4096;

async function readBytes(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_PAYLOAD_BYTES) throw new PushError(413, 'Payload larger than 4096 bytes');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Checks a VAPID `Authorization: vapid t=<JWT>, k=<key>` header (RFC 8292):
 * an ES256 JWT signed by `k`, `k` the key the subscription was created with,
 * `aud` the push service's origin, `exp` in the future and at most 24 hours
 * away, `sub` a mailto: or https: contact.
 */
function verifyVapid(header: string | undefined, client: Client, origin: string, now: number): ReceivedPush['claims'] {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(header ?? '');
  if (!match) throw new PushError(401, 'Missing or malformed vapid Authorization header');
  const [, jwt = '', key = ''] = match;
  if (key !== client.applicationServerKey) throw new PushError(403, 'The VAPID key is not the one this subscription was created with');
  const [head = '', body = '', signature = ''] = jwt.split('.');
  const raw = Buffer.from(key, 'base64url');
  if (raw.length !== 65 || raw[0] !== 4) throw new PushError(401, 'The VAPID key is not an uncompressed P-256 point');
  const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64url(raw.subarray(1, 33)), y: b64url(raw.subarray(33)) }, format: 'jwk' });
  const valid = verify('sha256', Buffer.from(`${head}.${body}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!valid) throw new PushError(401, 'Bad VAPID signature');
  const { alg } = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string };
  if (alg !== 'ES256') throw new PushError(401, 'VAPID JWT must be ES256');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { aud?: unknown; exp?: unknown; sub?: unknown };
  if (claims.aud !== origin) throw new PushError(401, `VAPID aud must be ${origin}`);
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now || claims.exp * 1000 > now + 24 * 3600 * 1000) {
    throw new PushError(401, 'VAPID exp must be within 24 hours');
  }
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) throw new PushError(401, 'VAPID sub must be a mailto: or https: URL');
  return { aud: claims.aud, exp: claims.exp, sub: claims.sub };
}

/**
 * A local Web Push service, as strict as a browser vendor's about what it
 * accepts: POST `/push/<id>` with a valid VAPID JWT for the subscription's
 * key, a `TTL`, `Content-Encoding: aes128gcm` and a body it can decrypt with
 * the subscription's private key and auth secret (RFC 8291); 201 on success,
 * 410 for a subscription that is gone, 404 for one that never existed.
 * Differences from a real push service: nothing reaches a browser (messages
 * are kept for `received`), no `Urgency`/`Topic` handling, no rate limits,
 * in memory only.
 */
export async function startPushService({ port = 0 }: { port?: number } = {}): Promise<PushService> {
  const clients = new Map<string, Client>();
  const gone = new Set<string>();
  let origin = '';
  const server = await listenSerially(
    async (request, response) => {
      try {
        const url = new URL(request.url ?? '/', origin);
        const id = /^\/push\/([\w-]+)$/.exec(url.pathname)?.[1];
        if (request.method !== 'POST' || !id) throw new PushError(404, 'Not found');
        const body = await readBytes(request);
        if (gone.has(id)) throw new PushError(410, 'Subscription expired');
        const client = clients.get(id);
        if (!client) throw new PushError(404, 'No such subscription');
        const claims = verifyVapid(request.headers.authorization, client, origin, Date.now());
        const ttl = Number(request.headers.ttl);
        if (request.headers.ttl === undefined || !Number.isInteger(ttl) || ttl < 0) throw new PushError(400, 'TTL header required');
        if (request.headers['content-encoding'] !== 'aes128gcm') throw new PushError(415, 'Content-Encoding must be aes128gcm');
        let payload: string;
        try {
          payload = decrypt(body, { version: 'aes128gcm', privateKey: client.ecdh, authSecret: b64url(client.auth) }).toString('utf8');
        } catch (error) {
          throw new PushError(400, `Cannot decrypt the payload: ${error instanceof Error ? error.message : String(error)}`);
        }
        client.received.push({ payload, claims, ttl });
        response.writeHead(201, { location: `${origin}/messages/${randomUUID()}` }).end();
      } catch (error) {
        const status = error instanceof PushError ? error.status : 500;
        response.writeHead(status, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
      }
    },
    { port },
  );
  origin = server.url;
  const idOf = (endpoint: string) => endpoint.slice(endpoint.lastIndexOf('/') + 1);
  return {
    ...server,
    close: () => server.close(),
    subscribe(applicationServerKey) {
      const id = randomUUID();
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      clients.set(id, { ecdh, auth, applicationServerKey, received: [] });
      return { endpoint: `${origin}/push/${id}`, keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) } };
    },
    unsubscribe(endpoint) {
      clients.delete(idOf(endpoint));
      gone.add(idOf(endpoint));
    },
    received: (endpoint) => clients.get(idOf(endpoint))?.received ?? [],
  };
}
