import { describe, expect, it } from 'vitest';
import { createMemoryRelatedIndex } from '../../../shared/adapters/memory-related-index';
import { indexedDocumentAt } from '../../support/indexed-document';
import { coalescedReads, type RelatedReads } from '../../../shared/use-cases/coalesced-reads';

const document = (id: string, section: string, terms: string[]) => indexedDocumentAt(id, `2026-01-0${id.length}T00:00:00.000Z`, terms, section);

/** The index's reads, each one recorded as the request the DynamoDB adapter would send (one per list read). */
function recording(index: RelatedReads, sent: string[]): RelatedReads {
  return {
    async recent(section, sectionLimit, archiveLimit) {
      if (sectionLimit > 0) sent.push(`section ${section}`);
      if (archiveLimit > 0) sent.push('archive');
      return index.recent(section, sectionLimit, archiveLimit);
    },
    async listed(terms, perTermLimit) {
      for (const term of new Set(terms)) sent.push(`term ${term}`);
      return index.listed(terms, perTermLimit);
    },
  };
}

describe('coalesced retrieval reads', () => {
  it('sends a read once for the calls that ask for it while it is in flight, with the answer each would have read', async () => {
    const index = createMemoryRelatedIndex();
    await index.indexArticle(document('a', 'World', ['harbour', 'bridge']));
    await index.indexArticle(document('bb', 'Sport', ['bridge', 'final']));
    const sent: string[] = [];
    const reads = coalescedReads(recording(index, sent));
    const [world, sport, again] = await Promise.all([reads.recent('World', 10, 10), reads.recent('Sport', 10, 10), reads.recent('World', 10, 10)]);
    expect(world.map((record) => record.id)).toEqual((await index.recent('World', 10, 10)).map((record) => record.id));
    expect(sport.map((record) => record.id)).toEqual((await index.recent('Sport', 10, 10)).map((record) => record.id));
    expect(again).toEqual(world);
    expect(sent.sort()).toEqual(['archive', 'section Sport', 'section World']);

    sent.length = 0;
    const [first, second] = await Promise.all([reads.listed(['harbour', 'bridge'], 5), reads.listed(['bridge', 'final', 'final'], 5)]);
    expect(first.map((record) => record.id)).toEqual((await index.listed(['harbour', 'bridge'], 5)).map((record) => record.id));
    expect(second.map((record) => record.id)).toEqual((await index.listed(['bridge', 'final'], 5)).map((record) => record.id));
    expect(sent.sort()).toEqual(['term bridge', 'term final', 'term harbour']);
  });

  it('reads again once a read has come back: a later call sees what was indexed since', async () => {
    const index = createMemoryRelatedIndex();
    const sent: string[] = [];
    const reads = coalescedReads(recording(index, sent));
    expect(await reads.listed(['harbour'], 5)).toEqual([]);
    await index.indexArticle(document('a', 'World', ['harbour']));
    expect((await reads.listed(['harbour'], 5)).map((record) => record.id)).toEqual(['a']);
    expect(sent).toEqual(['term harbour', 'term harbour']);
  });
});
