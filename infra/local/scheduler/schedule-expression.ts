import { validationError } from './scheduler-api-error';

const AT_EXPRESSION = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;

/**
 * The instant a one-time `at(yyyy-mm-ddThh:mm:ss)` expression names, the
 * wall-clock time being read in `timeZone` (an IANA name).
 *
 * @throws SchedulerApiError (ValidationException) for any other expression,
 * an impossible date or an unknown time zone.
 */
export function dueTimeOf(expression: string, timeZone = 'UTC'): Date {
  const match = AT_EXPRESSION.exec(expression);
  if (!match) {
    throw validationError(`Invalid Schedule Expression ${expression}: only at(yyyy-mm-ddThh:mm:ss) is supported locally`);
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw validationError(`Invalid Schedule Expression ${expression}: not a valid date and time`);
  }
  const offset = zoneOffsetMs(wall, timeZone);
  // Re-read the offset at the candidate instant so a wall time next to a DST change lands right.
  return new Date(wall - zoneOffsetMs(wall - offset, timeZone));
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant` (ms). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw validationError(`Invalid ScheduleExpressionTimezone ${timeZone}`);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]));
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return asUtc - Math.floor(instant / 1000) * 1000;
}
