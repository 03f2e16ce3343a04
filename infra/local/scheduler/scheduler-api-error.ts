/**
 * An EventBridge Scheduler API error as the REST-JSON protocol reports it:
 * the `x-amzn-errortype` header names the exception class the SDK throws.
 */
export class SchedulerApiError extends Error {
  override readonly name = 'SchedulerApiError';

  /**
   * @param type the exception name, e.g. `ResourceNotFoundException`.
   * @param status the HTTP status the API uses for that exception.
   */
  constructor(
    readonly type: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** `ValidationException` (400): a parameter is missing or malformed. */
export function validationError(message: string): SchedulerApiError {
  return new SchedulerApiError('ValidationException', message, 400);
}

/** `ResourceNotFoundException` (404): no schedule of that name in that group. */
export function notFoundError(message: string): SchedulerApiError {
  return new SchedulerApiError('ResourceNotFoundException', message, 404);
}

/** `ConflictException` (409): a schedule of that name already exists in that group. */
export function conflictError(message: string): SchedulerApiError {
  return new SchedulerApiError('ConflictException', message, 409);
}
