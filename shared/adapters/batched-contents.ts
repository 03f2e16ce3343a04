import DataLoader from 'dataloader';
import type { ArticleVersionRef } from '../../events/article-stream-record';
import type { ArticleContent } from '../domain/article';
import type { ArticleStore } from '../ports/article-store';

const refKey = (ref: ArticleVersionRef) => `${ref.id}@${ref.version}`;

/**
 * `store` whose content reads, asked for in the same tick, go out as one (DataLoader): the stream consumer's alerts
 * of a batch start side by side and each first reads its version's takeaways, so a batch reads them in one
 * BatchGetItem, not one per alert. The store answers by article id, so two versions of one article are read apart.
 */
export function withBatchedContents(store: ArticleStore): ArticleStore {
  const contents = new DataLoader<ArticleVersionRef, ArticleContent | undefined, string>(
    async (refs) => {
      const rounds: ArticleVersionRef[][] = [];
      for (const ref of refs) {
        const round = rounds.find((taken) => taken.every(({ id }) => id !== ref.id));
        if (round) round.push(ref);
        else rounds.push([ref]);
      }
      const found = new Map<string, ArticleContent>();
      await Promise.all(
        rounds.map(async (round) => {
          const answer = await store.getContents(round);
          for (const ref of round) {
            const content = answer.get(ref.id);
            if (content) found.set(refKey(ref), content);
          }
        }),
      );
      return refs.map((ref) => found.get(refKey(ref)));
    },
    { cache: false, cacheKeyFn: refKey },
  );
  return {
    ...store,
    async getContents(refs) {
      const answers = await contents.loadMany(refs);
      return new Map(
        refs.flatMap((ref, i) => {
          const answer = answers[i];
          if (answer instanceof Error) throw answer;
          return answer ? [[ref.id, answer] as const] : [];
        }),
      );
    },
  };
}
