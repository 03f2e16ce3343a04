import { renderArticlePage, renderWithdrawnPage, type RenderedFile } from '../../shared/domain/render';
import { SEED_ARTICLE } from '../shared/domain/render/seed-article';
import { QUALITY_SITE } from './site-fixture';

/** Every page type the quality gates check, by name (known before the samples are built, for `it.each`). */
export const PAGE_TYPES = [
  'article',
  'article-rtl',
  'article-image',
  'home',
  'home-archive',
  'section',
  'tag',
  'tag-archive',
  'author',
  'not-found',
  'withdrawn',
  'preview',
] as const;

/** A name of {@link PAGE_TYPES}. */
export type PageType = (typeof PAGE_TYPES)[number];

/** One HTML file of every page type, by type name: the gates check these. */
export function pageSamples(files: readonly RenderedFile[]): Record<PageType, RenderedFile> {
  const html = (key: string) => {
    const file = files.find((candidate) => candidate.key === key);
    if (!file) throw new Error(`no page ${key}`);
    return file;
  };
  const article = files.find((file) => /^articles\/.+-44\/index\.html$/.test(file.key));
  const rtl = files.find((file) => /^articles\/.+-7\/index\.html$/.test(file.key));
  const withImage = files.find((file) => /^articles\/.+-40\/index\.html$/.test(file.key));
  if (!article || !rtl || !withImage) throw new Error('fixture articles missing');
  return {
    article,
    'article-rtl': rtl,
    'article-image': withImage,
    home: html('index.html'),
    'home-archive': html('page/1/index.html'),
    section: html('sections/world/index.html'),
    tag: html('tags/ai-safety/index.html'),
    'tag-archive': html('tags/ai-safety/page/1/index.html'),
    author: html('authors/china-daily-brief-editorial/index.html'),
    'not-found': html('404.html'),
    withdrawn: { ...renderWithdrawnPage('gone', QUALITY_SITE), key: 'articles/gone/index.html' },
    preview: renderArticlePage(SEED_ARTICLE, QUALITY_SITE, {
      key: 'preview/mhx2k3a0-AAAAAAAAAAAAAAAAAAAAAA/index.html',
      expiresAt: '2025-03-07T12:00:00.000Z',
    }),
  };
}
