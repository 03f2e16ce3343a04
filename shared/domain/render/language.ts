import { escapeHtml } from './escape-html';

const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur']);

/** Text direction of a BCP 47 language tag: `rtl` for Arabic, Hebrew, Persian and Urdu, else `ltr`. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  const primary = language.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

/** Escaped `lang` (and `dir="rtl"` when right-to-left) attributes for an element, with a leading space. */
export function languageAttributes(language: string): string {
  const dir = textDirection(language) === 'rtl' ? ' dir="rtl"' : '';
  return ` lang="${escapeHtml(language)}"${dir}`;
}
