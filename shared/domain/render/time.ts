import { escapeHtml } from './escape-html';

const OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' };
// Building a DateTimeFormat costs far more than formatting with one, so keep one per language.
const formatters = new Map<string, Intl.DateTimeFormat>();

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

// The same instant is shown on its article page, several list pages and rebuilds: remember recent ones.
const shown = new Map<string, string | undefined>();

function formatInstant(iso: string, language: string): string | undefined {
  const key = `${language}|${iso}`;
  if (shown.has(key)) return shown.get(key);
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? undefined : formatter(language).format(date);
  if (shown.size > 50_000) shown.clear();
  shown.set(key, text);
  return text;
}

/**
 * A `<time datetime>` element for an ISO 8601 instant, shown as a long date
 * and time in UTC in the given language (English when the tag is unknown);
 * an unparseable value is shown as given.
 */
export function renderTime(iso: string, language: string): string {
  const shown = formatInstant(iso, language);
  const text = shown === undefined ? iso : `${shown} UTC`;
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(text)}</time>`;
}
