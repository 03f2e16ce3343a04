import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * The function's X-Ray tracer (Powertools; service name from
 * `POWERTOOLS_SERVICE_NAME`). It traces only on Lambda with active tracing:
 * in the local stack and in tests it is off and changes nothing.
 */
export const tracer = new Tracer();

/** `client` with each AWS SDK call recorded as a subsegment of the invocation's trace. */
export function traced<Client extends Parameters<Tracer['captureAWSv3Client']>[0]>(client: Client): Client {
  return tracer.captureAWSv3Client(client);
}
