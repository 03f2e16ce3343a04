import { describe, expect, it } from 'vitest';
import {
  affectedPages,
  LIST_PAGE_SIZE,
  listedArticle,
  pageName,
  type ArticleListing,
  type ListedArticle,
  type PageKey,
} from '../../../../shared/domain/render';

const NOW = new Date('2025-03-06T12:00:00.000Z');
const names = (pages: Iterable<PageKey>) => [...pages].map(pageName);

const story: ListedArticle = listedArticle({
  id: 'a1',
  slug: 'story',
  title: 'Story',
  dek: 'Dek',
  section: 'World',
  tags: ['AI'],
  byline: 'Jane Doe',
  publishedAt: '2025-03-06T10:00:00.000Z',
  updatedAt: '2025-03-06T10:00:00.000Z',
  language: 'en',
  takeaways: ['One'],
});

function listing(article: ListedArticle, ordinal: number): ArticleListing {
  return {
    article,
    ordinals: { home: ordinal, 'section/world': ordinal, 'tag/ai': ordinal, 'author/jane-doe': ordinal, 'month/2025-03': ordinal },
  };
}

function totals(total: number): Record<string, number> {
  return { home: total, 'section/world': total, 'tag/ai': total, 'author/jane-doe': total, 'month/2025-03': total };
}

describe('affectedPages', () => {
  it('re-renders the article, each list front page, the home and section feeds, its month sitemap and the news sitemap on first publication', () => {
    const pages = affectedPages({ slug: 'story', next: listing(story, 45), totals: totals(45), now: NOW });
    expect(names(pages).sort()).toEqual([
      'article story',
      'feed home',
      'feed section/world',
      'list author/jane-doe',
      'list home',
      'list section/world',
      'list tag/ai',
      'month-sitemap month/2025-03',
      'news-sitemap',
    ]);
  });

  it('does not depend on the size of the archive', () => {
    const small = affectedPages({ slug: 'story', next: listing(story, 45), totals: totals(45), now: NOW });
    const large = affectedPages({ slug: 'story', next: listing(story, 1_000_045), totals: totals(1_000_045), now: NOW });
    expect(names(large)).toEqual(names(small));
  });

  it('adds the archive page that fills up, and the one before it, when a new entry completes a bucket', () => {
    const total = LIST_PAGE_SIZE * 5;
    const pages = affectedPages({ slug: 'story', next: listing(story, total), totals: totals(total), now: NOW });
    expect(names(pages)).toContain('list home page 4');
    expect(names(pages)).toContain('list home page 3');
    expect(names(pages)).toContain('list home');
  });

  it('re-renders only the archive page holding an old article when it is updated, not the front pages or feeds', () => {
    const updated = { ...story, title: 'Corrected story', updatedAt: '2025-03-06T11:00:00.000Z' };
    const pages = affectedPages({
      slug: 'story',
      previous: listing(story, 3),
      next: listing(updated, 3),
      totals: totals(500),
      now: new Date('2025-06-01T00:00:00.000Z'),
    });
    expect(names(pages).sort()).toEqual([
      'article story',
      'list author/jane-doe page 1',
      'list home page 1',
      'list section/world page 1',
      'list tag/ai page 1',
      'month-sitemap month/2025-03',
    ]);
  });

  it('re-renders the home front page (its section block) when a story older than the home front changes on its section’s front', () => {
    const updated = { ...story, title: 'Corrected story', updatedAt: '2025-03-06T11:00:00.000Z' };
    const ordinals = { home: 3, 'section/world': 40, 'tag/ai': 3, 'author/jane-doe': 3, 'month/2025-03': 3 };
    const pages = affectedPages({
      slug: 'story',
      previous: { article: story, ordinals },
      next: { article: updated, ordinals },
      totals: { ...totals(500), 'section/world': 41 },
      now: new Date('2025-06-01T00:00:00.000Z'),
    });
    expect(names(pages)).toContain('list section/world');
    expect(names(pages)).toContain('list home');
    expect(names(pages)).not.toContain('feed home');
  });

  it('re-renders the pages it leaves when an article is withdrawn', () => {
    const pages = affectedPages({ slug: 'story', previous: listing(story, 45), totals: totals(45), now: NOW });
    expect(names(pages)).toContain('article story');
    expect(names(pages)).toContain('list tag/ai');
    expect(names(pages)).toContain('feed home');
    expect(names(pages)).toContain('news-sitemap');
  });

  it('re-renders the old and the new section when the section changes', () => {
    const moved: ArticleListing = {
      article: { ...story, section: 'Tech' },
      ordinals: { ...listing(story, 45).ordinals, 'section/world': undefined as never, 'section/tech': 7 },
    };
    delete (moved.ordinals as Record<string, number>)['section/world'];
    const pages = affectedPages({
      slug: 'story',
      previous: listing(story, 45),
      next: moved,
      totals: { ...totals(45), 'section/tech': 7 },
      now: NOW,
    });
    expect(names(pages)).toContain('list section/world');
    expect(names(pages)).toContain('list section/tech');
    expect(names(pages)).toContain('feed section/tech');
    expect(names(pages)).toContain('feed section/world');
  });

  it('changes nothing but the article page when the listed fields are unchanged', () => {
    const pages = affectedPages({ slug: 'story', previous: listing(story, 45), next: listing(story, 45), totals: totals(45), now: NOW });
    expect(names(pages)).toEqual(['article story', 'news-sitemap']);
  });
});
