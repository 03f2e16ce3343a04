import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * The function's X-Ray tracer (Powertools; service name from
 * `POWERTOOLS_SERVICE_NAME`). It traces only on Lambda with active tracing:
 * in the local stack and in tests it is off and changes nothing.
 *
 * Every function but ingest-draft uses it. The X-Ray SDK it carries is about
 * 124 KB minified (CommonJS, so esbuild cannot trim it), which would take
 * ingest-draft's bundle past the 1 MB budget: its trace is the segment
 * Lambda's active tracing records (init, invocation, overhead), without
 * subsegments for its AWS calls.
 */
export const tracer = new Tracer();

/** `client` with each AWS SDK call recorded as a subsegment of the invocation's trace. */
export function traced<Client extends Parameters<Tracer['captureAWSv3Client']>[0]>(client: Client): Client {
  return tracer.captureAWSv3Client(client);
}
