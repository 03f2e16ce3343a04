/** What an email reader follows. Empty sections and tags mean "every story". */
export interface ReaderPreferences {
  readonly sections: readonly string[];
  readonly tags: readonly string[];
  /** Only breaking news (of what they follow). */
  readonly breakingOnly: boolean;
}

/** What of an alert decides who receives it. */
export interface AlertAudience {
  readonly section: string;
  readonly tags: readonly string[];
  readonly breaking: boolean;
}

/** How many sections and tags one reader may follow (bounds the interest items written per reader). */
export const MAX_FOLLOWS = 20;

const norm = (value: string) => value.normalize('NFC').trim().toLowerCase();

/** Trims, de-duplicates (case-insensitively) and drops empty entries, keeping the first spelling. */
export function cleanList(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const key = norm(value);
    if (key && !seen.has(key)) seen.set(key, value.trim());
  }
  return [...seen.values()];
}

/**
 * The interest partitions a reader is listed under, one per followed section
 * and tag, or `ALL` when they follow nothing in particular; breaking-only
 * readers get a `BREAKING#` prefix so an ordinary alert never pages them.
 */
export function readerInterestKeys(preferences: ReaderPreferences): string[] {
  const prefix = preferences.breakingOnly ? 'BREAKING#' : '';
  const sections = cleanList(preferences.sections).map((s) => `${prefix}SECTION#${norm(s)}`);
  const tags = cleanList(preferences.tags).map((t) => `${prefix}TAG#${norm(t)}`);
  const keys = [...sections, ...tags];
  return keys.length > 0 ? keys : [`${prefix}ALL`];
}

/**
 * The interest partitions to page through for an alert, in a fixed order:
 * everyone, its section, each tag; and the breaking-only ones when it is
 * breaking. A reader may be in several; callers de-duplicate.
 */
export function alertInterestKeys(audience: AlertAudience): string[] {
  const plain = ['ALL', `SECTION#${norm(audience.section)}`, ...cleanList(audience.tags).map((t) => `TAG#${norm(t)}`)];
  return audience.breaking ? [...plain, ...plain.map((key) => `BREAKING#${key}`)] : plain;
}

/** Whether a reader with these preferences should get this alert (the rule the interest keys encode). */
export function wantsAlert(preferences: ReaderPreferences, audience: AlertAudience): boolean {
  const readerKeys = new Set(readerInterestKeys(preferences));
  return alertInterestKeys(audience).some((key) => readerKeys.has(key));
}

/** Splits a comma-separated form field into a clean list. */
export function splitList(value: string | undefined): string[] {
  return cleanList((value ?? '').split(','));
}

/** Lower-cases and trims an address: the form every lookup uses. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
