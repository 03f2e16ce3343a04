/** Slugs: the URL name of an article, derived from its title or given by the editor. */

/** Longest slug, in code points, derived or explicit. Long enough for a full English headline. */
export const MAX_SLUG_LENGTH = 100;

/** Words of letters and digits (with their combining marks, never marks alone) joined by single hyphens. */
// Flag `v`, not `u`: V8 builds a class of several \p{…} properties 3-5x faster under it, at every cold start that parses it.
const SLUG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:-[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*$/v;

/** Latin letters that do not decompose under NFD but have a plain ASCII spelling. */
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

/**
 * Derives a stable slug from a title: NFKC, lowercase, Latin diacritics removed,
 * every run of non-letters/digits turned into one `-`, trimmed, and cut at a word
 * boundary to at most {@link MAX_SLUG_LENGTH} code points. Letters of other scripts
 * (Chinese, Arabic, Cyrillic...) are kept; the URL layer percent-encodes them.
 * A title with no letters or digits (only emoji, say) gives `a-` plus an FNV-1a hash.
 * Same input, same output.
 */
export function slugify(title: string): string {
  const lower = title.normalize('NFKC').toLowerCase();
  const plain = lower
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[ßæœøđðþłı]/gu, (letter) => LATIN_LETTERS[letter] ?? letter);
  const dashed = plain
    .replace(/[^\p{L}\p{N}\p{M}]+/gv, '-')
    .replace(/(^|-)\p{M}+/gu, '$1')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  const slug = cutAtWordBoundary(dashed, MAX_SLUG_LENGTH);
  return slug === '' ? `a-${fnv1aHex(title)}` : slug;
}

/**
 * Checks an editor's explicit slug. Returns why it is unusable, or `undefined`
 * when it is fine: lowercase letters and digits of any script in words joined
 * by single hyphens (each word starting with a letter or digit, not a combining
 * mark), never a path, a dot or a percent-encoding. Callers pass it NFKC-normalised,
 * so a fullwidth `ａｄｍｉｎ` is the slug `admin`.
 */
export function slugProblem(slug: string): string | undefined {
  if (slug === '') return 'must not be empty';
  if (/[/\\]/.test(slug)) return 'must be a single URL name, not a path: no "/" or "\\"';
  if (slug.includes('.')) return 'must not contain dots ("." or "..")';
  if (slug.includes('%')) return 'must not be percent-encoded: write the characters themselves';
  if (/\s/u.test(slug)) return 'must not contain spaces: join words with "-"';
  if (slug !== slug.toLowerCase()) return 'must be lowercase';
  if ([...slug].length > MAX_SLUG_LENGTH) return `must be at most ${MAX_SLUG_LENGTH} characters`;
  if (!SLUG_PATTERN.test(slug)) {
    return 'must be letters and digits in words joined by single hyphens, e.g. "us-china-ai-talks"';
  }
  return undefined;
}

function cutAtWordBoundary(slug: string, max: number): string {
  const codePoints = [...slug];
  if (codePoints.length <= max) return slug;
  const head = codePoints.slice(0, max + 1).join('');
  const lastDash = head.lastIndexOf('-');
  return lastDash > 0 ? head.slice(0, lastDash) : codePoints.slice(0, max).join('');
}

/** 32-bit FNV-1a over the UTF-8 bytes, as 8 hex digits. */
function fnv1aHex(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
