type Granularity = 'sentence' | 'word';

const cache = new Map<string, Intl.Segmenter>();

/**
 * A shared `Intl.Segmenter` for `language` (BCP 47) and `granularity`, created once per process:
 * construction costs far more than segmenting a sentence. An invalid tag falls back to `en`.
 */
export function segmenterFor(language: string, granularity: Granularity): Intl.Segmenter {
  const key = `${granularity}:${language}`;
  let segmenter = cache.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language, { granularity });
    } catch {
      segmenter = new Intl.Segmenter('en', { granularity });
    }
    cache.set(key, segmenter);
  }
  return segmenter;
}
