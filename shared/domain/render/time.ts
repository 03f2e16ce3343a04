import { escapeHtml } from './escape-html';
import { onClearRenderCaches, renderCache } from './render-caches';

const OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' };
// Building a DateTimeFormat costs far more than formatting with one, so keep one per language.
const formatters = renderCache<string, Intl.DateTimeFormat>();

function formatter(language: string): Intl.DateTimeFormat {
  let format = formatters.get(language);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(language, OPTIONS);
    } catch {
      format = new Intl.DateTimeFormat('en', OPTIONS);
    }
    formatters.set(language, format);
  }
  return format;
}

// The same instant is shown on its article page, several list pages and rebuilds: remember recent ones, per language.
const shown = renderCache<string, Map<string, string>>();
let shownCount = 0;
onClearRenderCaches(() => {
  shownCount = 0;
});

function timeElement(iso: string, language: string): string {
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? iso : `${formatter(language).format(date)} UTC`;
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(text)}</time>`;
}

/**
 * A `<time datetime>` element for an ISO 8601 instant, shown as a long date
 * and time in UTC in the given language (English when the tag is unknown);
 * an unparseable value is shown as given.
 */
export function renderTime(iso: string, language: string): string {
  let byInstant = shown.get(language);
  let element = byInstant?.get(iso);
  if (element === undefined) {
    element = timeElement(iso, language);
    if (shownCount >= 50_000) {
      shown.clear();
      shownCount = 0;
      byInstant = undefined;
    }
    if (!byInstant) {
      byInstant = new Map();
      shown.set(language, byInstant);
    }
    byInstant.set(iso, element);
    shownCount += 1;
  }
  return element;
}

const CANONICAL_INSTANT = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * An ISO 8601 instant as `Date#toISOString` writes it (UTC, milliseconds);
 * undefined when `Date.parse` cannot read it. Stored instants are usually in
 * that form already and come back as they are, without a parse.
 */
export function isoInstant(iso: string): string | undefined {
  const canonical = CANONICAL_INSTANT.exec(iso);
  if (canonical && Number(canonical[3]) <= daysInMonth(Number(canonical[1]), Number(canonical[2]))) return iso;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The Unix epoch as `toISOString` writes it: what a feed or sitemap shows for a date that does not parse. */
export const EPOCH_INSTANT = '1970-01-01T00:00:00.000Z';

/** {@link isoInstant}, or {@link EPOCH_INSTANT} when the value does not parse (feeds and sitemaps need a date). */
export function isoInstantOrEpoch(iso: string): string {
  return isoInstant(iso) ?? EPOCH_INSTANT;
}
