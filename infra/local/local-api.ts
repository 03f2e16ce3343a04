import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { readRequestBody } from './serial-http-server';
import { lambdaContext } from './lambda-context';

/** A Lambda handler of HTTP payload v2 (function URL / HTTP API). */
export type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Function URLs accept request payloads up to 6 MB. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

/**
 * Serves one HTTP request with a payload-v2 Lambda handler, as the function
 * URL behind the distribution's `/api/*` behaviour does: the viewer's address
 * in `CloudFront-Viewer-Address`, the body base64-encoded unless it is text.
 */
export function localHttpApi(handler: HttpHandler, functionName: string) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const body = await readRequestBody(request, MAX_BODY_BYTES, () => new Error('Request body too large'));
    const headers = Object.fromEntries(
      Object.entries(request.headers).flatMap(([name, value]) =>
        value === undefined ? [] : [[name, Array.isArray(value) ? value.join(',') : value]],
      ),
    );
    headers['cloudfront-viewer-address'] = `${request.socket.remoteAddress ?? '127.0.0.1'}:${request.socket.remotePort ?? 0}`;
    const event: APIGatewayProxyEventV2 = {
      version: '2.0',
      routeKey: '$default',
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
      requestContext: {
        accountId: 'anonymous',
        apiId: 'local',
        domainName: url.host,
        domainPrefix: 'local',
        http: {
          method: request.method ?? 'GET',
          path: url.pathname,
          protocol: 'HTTP/1.1',
          sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
          userAgent: request.headers['user-agent'] ?? '',
        },
        requestId: crypto.randomUUID(),
        routeKey: '$default',
        stage: '$default',
        time: new Date().toUTCString(),
        timeEpoch: Date.now(),
      },
      ...(body ? { body, isBase64Encoded: false } : { isBase64Encoded: false }),
    };
    const result = await handler(event, lambdaContext(functionName));
    const outHeaders = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
    response.writeHead(result.statusCode ?? 200, outHeaders).end(result.body ?? '');
  };
}
