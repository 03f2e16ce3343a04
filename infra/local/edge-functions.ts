import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';

const headersSchema = z.record(z.string(), z.object({ value: z.string() }));

const viewerRequestResultSchema = z.union([
  z.object({ uri: z.string() }),
  z.object({ statusCode: z.number(), headers: headersSchema.default({}) }),
]);

const viewerResponseResultSchema = z.object({ statusCode: z.number(), headers: headersSchema });

/** CloudFront Function header maps: lower-case names to `{ value }`. */
export type EdgeHeaders = z.infer<typeof headersSchema>;

function loadHandler(file: string): (event: unknown) => unknown {
  const source = readFileSync(fileURLToPath(new URL(`../../shared/edge/${file}`, import.meta.url)), 'utf8');
  return new Function(`${source}\nreturn handler;`)() as (event: unknown) => unknown;
}

/** The distribution's viewer-request function, run here on the same event shape. */
export function loadViewerRequest(): (uri: string) => z.infer<typeof viewerRequestResultSchema> {
  const handler = loadHandler('viewer-request.js');
  return (uri) => viewerRequestResultSchema.parse(handler({ request: { uri, method: 'GET', headers: {}, querystring: {} } }));
}

/** The distribution's viewer-response function, run here on the same event shape. */
export function loadViewerResponse(): (statusCode: number, headers: EdgeHeaders) => z.infer<typeof viewerResponseResultSchema> {
  const handler = loadHandler('viewer-response.js');
  return (statusCode, headers) =>
    viewerResponseResultSchema.parse(handler({ request: { uri: '/', headers: {} }, response: { statusCode, headers: { ...headers } } }));
}
