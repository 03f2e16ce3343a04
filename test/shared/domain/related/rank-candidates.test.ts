import { describe, expect, it } from 'vitest';
import { DEFAULT_RELATED_PARAMETERS as P, rankCandidates, selectLinks, type ScoredLink, type TermQuery } from '../../../../shared/domain/related';
import { indexed, using } from './fixtures';

const subject = { id: 'new', slug: 'slug-new', section: 'World', tags: ['ai'], publishedAt: '2026-01-02T00:00:00.000Z' };
const query: TermQuery = {
  weights: new Map([
    ['chip', 3],
    ['export', 2],
  ]),
  selfScore: 5,
};

describe('rankCandidates', () => {
  it('never ranks the article itself, by id or by slug', () => {
    const ranked = rankCandidates(subject, query, [using('chip', 'new'), using('chip', 'other', { slug: 'slug-new' }), using('chip', 'a')], 100, P);
    expect(ranked.map((c) => c.article.id)).toEqual(['a']);
  });

  it('drops withdrawn and scheduled articles', () => {
    const ranked = rankCandidates(
      subject,
      query,
      [using('chip', 'w', { status: 'withdrawn' }), using('chip', 's', { status: 'scheduled' }), using('chip', 'p')],
      100,
      P,
    );
    expect(ranked.map((c) => c.article.id)).toEqual(['p']);
  });

  it('lists an article read twice once, scoring every term it uses, and drops one sharing no term', () => {
    const both = indexed('both', {
      frequencies: new Map([
        ['chip', 3],
        ['export', 3],
      ]),
    });
    const ranked = rankCandidates(subject, query, [both, both, using('chip', 'one'), indexed('neither')], 100, P);
    expect(ranked.map((c) => c.article.id)).toEqual(['both', 'one']);
  });

  it('prefers the same section and shared tags when the text matches equally', () => {
    const ranked = rankCandidates(
      subject,
      query,
      [using('chip', 'elsewhere', { section: 'Sport' }), using('chip', 'same-section'), using('chip', 'shared-tag', { tags: ['AI'] })],
      100,
      P,
    );
    expect(ranked.map((c) => c.article.id)).toEqual(['shared-tag', 'same-section', 'elsewhere']);
  });

  it('prefers the more recent article when the text matches equally', () => {
    const ranked = rankCandidates(
      subject,
      query,
      [using('chip', 'old', { publishedAt: '2024-01-01T00:00:00.000Z' }), using('chip', 'recent', { publishedAt: '2026-01-01T00:00:00.000Z' })],
      100,
      P,
    );
    expect(ranked.map((c) => c.article.id)).toEqual(['recent', 'old']);
  });
});

describe('selectLinks', () => {
  const link = (id: string, score: number): ScoredLink => ({ id, slug: id, title: id, section: 'World', score });

  it('keeps at most five links', () => {
    const ranked = [1, 0.9, 0.9, 0.8, 0.8, 0.7, 0.7].map((s, i) => link(`l${i}`, s));
    expect(selectLinks(ranked, P)).toHaveLength(5);
  });

  it('keeps three links even when the third is far weaker than the first', () => {
    expect(selectLinks([link('a', 1), link('b', 0.2), link('c', 0.15), link('d', 0.14)], P).map((l) => l.id)).toEqual(['a', 'b', 'c']);
  });

  it('gives fewer than three links only when fewer reach the minimum score', () => {
    expect(selectLinks([link('a', 0.5), link('b', P.minScore / 2)], P).map((l) => l.id)).toEqual(['a']);
  });
});
