import { GetObjectCommand, type GetObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { SUBSCRIPTION_PATHS } from '../../events/subscriber-names';
import { securityHeaderEntries } from '../../shared/edge/response-headers';
import { edgeQueryString, loadViewerRequest, loadViewerResponse, type EdgeHeaders } from './edge-functions';

/** A running local CDN. */
export interface CdnServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Serves the site bucket over HTTP as the CloudFront distribution does: the
 * same viewer-request function for pretty URLs, the same viewer-response
 * function for redirects and 410s from object metadata, the same security headers,
 * the object's own Content-Type and Cache-Control, and `404.html` for missing
 */
export async function startCdnServer({
  client,
  bucket,
  port,
  api,
}: {
  client: S3Client;
  bucket: string;
  port: number;
  /**
   * The origin of the `/api/*` behaviour (on AWS the HTTP API in front of the subscription API function).
   * Difference from AWS: no origin token header, as the handler runs in process with no other way in.
   */
  api?: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
}): Promise<CdnServer> {
  const viewerRequest = loadViewerRequest();
  const viewerResponse = loadViewerResponse();
  const security = securityHeaderEntries();

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of security) response.setHeader(name, value);
    if (api && new URL(request.url ?? '/', 'http://localhost').pathname.startsWith(SUBSCRIPTION_PATHS.apiPrefix)) return api(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const result = viewerRequest(path, edgeQueryString(queryAt < 0 ? '' : target.slice(queryAt + 1)));
    if ('statusCode' in result) {
      response.writeHead(result.statusCode, Object.fromEntries(Object.entries(result.headers).map(([k, v]) => [k, v.value])));
      response.end();
      return;
    }
    const key = bucketKey(result.uri);
    const found = (key !== undefined ? await readWholeObject(client, bucket, key) : undefined) ?? (await readWholeObject(client, bucket, '404.html'));
    if (!found) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const origin: EdgeHeaders = {
      'content-type': { value: found.contentType ?? 'application/octet-stream' },
      'cache-control': { value: found.cacheControl ?? 'no-cache' },
    };
    for (const [name, value] of Object.entries(found.metadata)) origin[`x-amz-meta-${name}`] = { value };
    const edge = viewerResponse(found.key === key ? 200 : 404, origin);
    response.writeHead(edge.statusCode, Object.fromEntries(Object.entries(edge.headers).map(([k, v]) => [k, v.value])));
    response.end(request.method === 'HEAD' ? undefined : found.body);
  };
  const server: Server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      // The origin failed: answer as CloudFront would, and keep serving.
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Bad gateway: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The site bucket key a request path names, or undefined when it cannot be
 * a key the site holds: undecodable, or with a `.`/`..` segment once decoded
 * (`/..%2Fnewsroom-drafts%2F…`), which s3rver would resolve on its disk.
 */
export function bucketKey(uri: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(uri);
  } catch {
    return undefined;
  }
  const key = decoded.replace(/^\/+/, '');
  if (key.includes('\0') || key.split(/[/\\]/).some((segment) => segment === '.' || segment === '..')) return undefined;
  return key;
}

/** Reads a whole object, or undefined if there is none (reads are atomic: see `makeS3rverWritesAtomic`). */
export async function readWholeObject(client: S3Client, bucket: string, key: string) {
  let object: GetObjectCommandOutput;
  try {
    object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound')) return undefined;
    throw error;
  }
  return {
    key,
    body: Buffer.from((await object.Body?.transformToByteArray()) ?? []),
    contentType: object.ContentType,
    cacheControl: object.CacheControl,
    metadata: object.Metadata ?? {},
  };
}
