import { describe, expect, it } from 'vitest';
import {
  articleTerms,
  DEFAULT_RELATED_PARAMETERS as P,
  planNeighbourUpdates,
  type CurrentRelated,
  type NewArticle,
  type RankedCandidate,
  type ScoredLink,
} from '../../../../shared/domain/related';
import { indexed } from './fixtures';

const fresh: NewArticle = {
  id: 'new',
  slug: 'slug-new',
  title: 'Chip export rules',
  section: 'World',
  tags: [],
  publishedAt: '2026-01-02T00:00:00.000Z',
  terms: articleTerms({ title: 'Chip export rules', tags: [], body: 'Chip makers face new export rules for chips.', language: 'en' }),
};
const chipQuery = new Map([
  ['chip', 2],
  ['export', 2],
]);
const candidate = (id: string): RankedCandidate => ({ article: indexed(id, { query: chipQuery, selfScore: 4 }), score: 1 });
const link = (id: string, score: number): ScoredLink => ({ id, slug: `slug-${id}`, title: id, section: 'World', score });
const state = (id: string, related: ScoredLink[]): CurrentRelated => ({ id, version: 3, revision: 0, related });

describe('planNeighbourUpdates', () => {
  it('adds the new article to an older article whose weakest link it beats', () => {
    const current = new Map([['old', state('old', [link('x', 0.9), link('y', 0.2), link('z', 0.15)])]]);
    const [update] = planNeighbourUpdates(fresh, [candidate('old')], current, 20, P);
    expect(update?.id).toBe('old');
    expect(update?.version).toBe(3);
    expect(update?.related.map((l) => l.id)).toContain('new');
  });

  it('leaves an older article whose links all beat the new one', () => {
    const strong = [1, 1, 1, 1, 1].map((s, i) => link(`s${i}`, s * 50));
    const current = new Map([['old', state('old', strong)]]);
    expect(planNeighbourUpdates(fresh, [candidate('old')], current, 20, P)).toEqual([]);
  });

  it('leaves an older article that already lists the new one', () => {
    const current = new Map([['old', state('old', [link('new', 0.5)])]]);
    expect(planNeighbourUpdates(fresh, [candidate('old')], current, 20, P)).toEqual([]);
  });

  it('updates at most five older articles per publish', () => {
    const ids = Array.from({ length: 9 }, (_, i) => `old${i}`);
    const current = new Map(ids.map((id) => [id, state(id, [])]));
    const updates = planNeighbourUpdates(fresh, ids.map(candidate), current, 20, { ...P, neighbourCandidates: 9 });
    expect(updates).toHaveLength(5);
  });

  it('keeps an updated list in score order', () => {
    const current = new Map([['old', state('old', [link('x', 90), link('y', 0.13)])]]);
    const [update] = planNeighbourUpdates(fresh, [candidate('old')], current, 20, P);
    const scores = update?.related.map((l) => l.score) ?? [];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(update?.related.map((l) => l.id)).toEqual(['x', 'new', 'y']);
  });
});

describe('planNeighbourUpdates with fill links', () => {
  it('puts a new close match before the fill and drops the fill beyond three links', () => {
    const fill = (id: string): ScoredLink => ({ ...link(id, 0), fill: true });
    const current = new Map([['old', state('old', [link('x', 90), fill('f1'), fill('f2')])]]);
    const [update] = planNeighbourUpdates(fresh, [candidate('old')], current, 20, P);
    expect(update?.related.map((l) => l.id)).toEqual(['x', 'new', 'f1']);
  });
});
