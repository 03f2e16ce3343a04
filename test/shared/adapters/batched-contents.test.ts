import { describe, expect, it } from 'vitest';
import { withBatchedContents } from '../../../shared/adapters/batched-contents';
import type { ArticleStore } from '../../../shared/ports/article-store';
import { articleHead } from '../../support/article-fixtures';
import { createMemoryArticleStore } from '../../support/in-memory/article-store';

describe('withBatchedContents', () => {
  it('reads the contents asked for in one tick in one request, two versions of one article apart, each answer its own', async () => {
    const memory = createMemoryArticleStore();
    await memory.saveVersion(articleHead('b1', { slug: 'b1', takeaways: ['b1 first.'] }), 0);
    await memory.saveVersion(articleHead('b1', { slug: 'b1', version: 2, takeaways: ['b1 second.'], sourceHash: 'h2' }), 1);
    await memory.saveVersion(articleHead('b2', { slug: 'b2', takeaways: ['b2.'] }), 0);
    const reads: string[][] = [];
    const counted: ArticleStore = {
      ...memory,
      getContents: (refs) => {
        reads.push(refs.map(({ id, version }) => `${id}@${version}`));
        return memory.getContents(refs);
      },
    };
    const store = withBatchedContents(counted);

    const answers = await Promise.all([
      store.getContents([{ id: 'b1', version: 1 }]),
      store.getContents([{ id: 'b2', version: 1 }]),
      store.getContents([{ id: 'b1', version: 2 }]),
      store.getContents([{ id: 'missing', version: 1 }]),
    ]);

    expect(answers.map((answer) => [...answer].map(([id, content]) => `${id}: ${content.takeaways.join(' ')}`))).toEqual([
      ['b1: b1 first.'],
      ['b2: b2.'],
      ['b1: b1 second.'],
      [],
    ]);
    expect(reads).toEqual([['b1@1', 'b2@1', 'missing@1'], ['b1@2']]);
  });
});
