import { STAGES } from '../../shared/domain/lifecycle';
import type { ArticleHeadWithContent } from '../../shared/domain/article';

/** A published article head at version 1 with its content, waiting to be rendered, for store and use-case tests. */
export function articleHead(id: string, overrides: Partial<ArticleHeadWithContent> = {}): ArticleHeadWithContent {
  return {
    id,
    version: 1,
    status: 'published',
    stage: STAGES.render,
    title: `Article ${id}`,
    section: 'World',
    slug: `slug-${id}`,
    tags: ['a'],
    language: 'en',
    takeaways: ['One.'],
    takeawaysSource: 'editor',
    breaking: false,
    body: 'Body.',
    related: [],
    publishedAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
    draftKey: `drafts/${id}.md`,
    sourceHash: 'h1',
    alertDue: true,
    ...overrides,
  };
}
