import { escapeHtml } from './escape-html';

function formatInstant(iso: string, language: string): string | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const options: Intl.DateTimeFormatOptions = {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  };
  try {
    return new Intl.DateTimeFormat(language, options).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(date);
  }
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
