import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';

const headersSchema = z.record(z.string(), z.object({ value: z.string() }));

const viewerRequestResultSchema = z.union([z.object({ uri: z.string() }), z.object({ statusCode: z.number(), headers: headersSchema.default({}) })]);

const viewerResponseResultSchema = z.object({ statusCode: z.number(), headers: headersSchema });

/** CloudFront Function header maps: lower-case names to `{ value }`. */
export type EdgeHeaders = z.infer<typeof headersSchema>;

function loadHandler(file: string): (event: unknown) => unknown {
  const source = readFileSync(fileURLToPath(new URL(`../../shared/edge/${file}`, import.meta.url)), 'utf8');
  return new Function(`${source}\nreturn handler;`)() as (event: unknown) => unknown;
}

/** CloudFront Functions' query string object: names to `{ value, multiValue? }`, still URL-encoded as the viewer sent them. */
export type EdgeQueryString = Record<string, { value: string; multiValue?: Array<{ value: string }> }>;

/** The query string object CloudFront gives a function for a raw query (`a=1&b=2&a=3`, without `?`). */
export function edgeQueryString(rawQuery: string): EdgeQueryString {
  const result: EdgeQueryString = {};
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const [name, value] = at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    const existing = result[name];
    if (!existing) result[name] = { value };
    else existing.multiValue = [...(existing.multiValue ?? [{ value: existing.value }]), { value }];
  }
  return result;
}

/** The distribution's viewer-request function, run here on the same event shape. */
export function loadViewerRequest(): (uri: string, querystring?: EdgeQueryString) => z.infer<typeof viewerRequestResultSchema> {
  const handler = loadHandler('viewer-request.js');
  return (uri, querystring = {}) => viewerRequestResultSchema.parse(handler({ request: { uri, method: 'GET', headers: {}, querystring } }));
}

/** The distribution's viewer-response function, run here on the same event shape. */
export function loadViewerResponse(): (statusCode: number, headers: EdgeHeaders) => z.infer<typeof viewerResponseResultSchema> {
  const handler = loadHandler('viewer-response.js');
  return (statusCode, headers) =>
    viewerResponseResultSchema.parse(handler({ request: { uri: '/', headers: {} }, response: { statusCode, headers: { ...headers } } }));
}
