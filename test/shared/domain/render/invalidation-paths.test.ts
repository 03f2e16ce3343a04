import { describe, expect, it } from 'vitest';
import { HOME_PAGE_PATH, invalidationPaths, type RenderedArticle } from '../../../../shared/domain/render';

const V1 = '2026-03-01T10:00:00.000Z';
const V2 = '2026-03-01T11:00:00.000Z';
const head = (fields: Partial<RenderedArticle['head']> = {}): RenderedArticle['head'] => ({
  slug: 'story',
  status: 'published',
  version: 1,
  updatedAt: V1,
  breaking: false,
  alertDue: true,
  ...fields,
});

describe('invalidationPaths', () => {
  it('invalidates nothing for a first publication: lists, feeds and sitemaps refresh by their short lifetime', () => {
    expect(invalidationPaths([{ head: head() }])).toEqual([]);
  });

  it('invalidates the front page, and only it, for breaking news owed an alert', () => {
    expect(invalidationPaths([{ head: head({ breaking: true }) }])).toEqual([HOME_PAGE_PATH]);
  });

  it('invalidates an updated or corrected article page at the path CloudFront caches', () => {
    const update = { head: head({ version: 2, updatedAt: V2, alertDue: false }), previous: { slug: 'story', updatedAt: V1 } };
    expect(invalidationPaths([update])).toEqual(['/articles/story/index.html']);
  });

  it('leaves a related-links refresh of the same version to the page lifetime', () => {
    expect(invalidationPaths([{ head: head({ alertDue: false }), previous: { slug: 'story', updatedAt: V1 } }])).toEqual([]);
  });

  it('invalidates the old path of a renamed article, now a redirect, and its page', () => {
    const renamed = { head: head({ slug: 'new-name', version: 2, updatedAt: V2, alertDue: false }), previous: { slug: 'story', updatedAt: V1 } };
    expect(invalidationPaths([renamed])).toEqual(['/articles/new-name/index.html', '/articles/story/index.html']);
  });

  it('invalidates a withdrawn article page, now 410, and a restored one, cached as 410', () => {
    const withdrawn = { head: head({ status: 'withdrawn', version: 2, updatedAt: V2, alertDue: false }), previous: { slug: 'story', updatedAt: V1 } };
    expect(invalidationPaths([withdrawn])).toEqual(['/articles/story/index.html']);
    expect(invalidationPaths([{ head: head({ version: 3, alertDue: false }) }])).toEqual(['/articles/story/index.html']);
  });

  it('never names a wildcard', () => {
    const paths = invalidationPaths([
      { head: head({ slug: 'a', breaking: true }) },
      { head: head({ slug: 'b', version: 2, updatedAt: V2 }), previous: { slug: 'b0', updatedAt: V1 } },
    ]);
    expect(paths.some((path) => path.includes('*'))).toBe(false);
  });
});
