/** An SNS API error as the Query protocol reports it: a code the SDK maps to an exception class, and an HTTP status. */
export class SnsApiError extends Error {
  override readonly name = 'SnsApiError';

  /**
   * @param code the `<Code>` of the error response, e.g. `NotFound` (the SDK throws `NotFoundException`).
   * @param status the HTTP status; 400 unless the code calls for another.
   * @param type `Sender` for the caller's fault, `Receiver` for ours.
   */
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
  }
}

/** `InvalidParameter` (400): a parameter is missing or malformed. */
export function invalidParameter(message: string): SnsApiError {
  return new SnsApiError('InvalidParameter', `Invalid parameter: ${message}`);
}

/** `NotFound` (404): the topic or subscription does not exist. */
export function notFound(message: string): SnsApiError {
  return new SnsApiError('NotFound', message, 404);
}
