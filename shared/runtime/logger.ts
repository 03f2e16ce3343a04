import { Logger } from '@aws-lambda-powertools/logger';

/** A structured JSON logger for one function (Powertools; level from `POWERTOOLS_LOG_LEVEL`). */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName });
}
