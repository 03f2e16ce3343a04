/**
 * The order the settle pass takes short lists in: round robin over their
 * sections, newest first within each, so that `limit` short lists are shared
 * fairly and a section that sorts late (or has few shorts) is never starved
 * by one with many, whichever order they were read in.
 */
export function settleOrder<T extends { readonly article: { readonly section: string; readonly publishedAt: string } }>(
  shorts: readonly T[],
  limit: number,
): T[] {
  const bySection = new Map<string, T[]>();
  for (const short of shorts) {
    const queue = bySection.get(short.article.section) ?? [];
    queue.push(short);
    bySection.set(short.article.section, queue);
  }
  const queues = [...bySection.values()].map((queue) => queue.sort((a, b) => b.article.publishedAt.localeCompare(a.article.publishedAt)));
  const chosen: T[] = [];
  for (let round = 0; chosen.length < limit && queues.some((queue) => round < queue.length); round++) {
    for (const queue of queues) {
      const next = queue[round];
      if (next && chosen.length < limit) chosen.push(next);
    }
  }
  return chosen;
}
