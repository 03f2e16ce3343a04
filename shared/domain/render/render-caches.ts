const clearers: (() => void)[] = [];

/** A Map for memoised fragments of pages, emptied by {@link clearRenderCaches}. */
export function renderCache<K, V>(): Map<K, V> {
  const map = new Map<K, V>();
  clearers.push(() => map.clear());
  return map;
}

/** Runs `reset` (e.g. zeroing a counter beside a cache) on every {@link clearRenderCaches}. */
export function onClearRenderCaches(reset: () => void): void {
  clearers.push(reset);
}

/**
 * Empties every memoised fragment (formatters, links, list cards, dates, page
 * shells), leaving rendering as it is in a new process: for benchmarks that
 * must measure rendering from cold caches. Output never depends on it.
 */
export function clearRenderCaches(): void {
  for (const clear of clearers) clear();
}
