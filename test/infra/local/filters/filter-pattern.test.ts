import { describe, expect, it } from 'vitest';
import { STREAM_FILTERS } from '../../../../shared/adapters/article-stream-filters';
import { matchesFilterPattern } from '../../../../infra/local/filters/filter-pattern';
import { InvalidFilterRuleError } from '../../../../infra/local/filters/value-matcher';

/** A DynamoDB stream record of the article table as Lambda receives it (NEW_AND_OLD_IMAGES). */
function streamRecord(options: {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  sortKey: string;
  newStage?: string;
  oldStage?: string;
}): Record<string, unknown> {
  const image = (stage: string) => ({
    PK: { S: 'ARTICLE#us-china-ai-dialogue' },
    SK: { S: options.sortKey },
    id: { S: 'us-china-ai-dialogue' },
    version: { N: '2' },
    stage: { S: stage },
    breaking: { BOOL: false },
    tags: { L: [{ S: 'AI' }, { S: 'Diplomacy' }] },
  });
  return {
    eventID: 'c4ca4238a0b923820dcc509a6f75849b',
    eventName: options.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      ApproximateCreationDateTime: 1764284400,
      Keys: { PK: { S: 'ARTICLE#us-china-ai-dialogue' }, SK: { S: options.sortKey } },
      ...(options.newStage ? { NewImage: image(options.newStage) } : {}),
      ...(options.oldStage ? { OldImage: image(options.oldStage) } : {}),
      SequenceNumber: '4421584500000000017450439091',
      SizeBytes: 412,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:000000000000:table/articles/stream/2025-11-27T00:00:00.000',
  };
}

describe('matchesFilterPattern with the article stream filters', () => {
  it('sends a head inserted in the render stage to the bulk lane', () => {
    const record = streamRecord({ eventName: 'INSERT', sortKey: 'HEAD', newStage: 'render' });
    expect(matchesFilterPattern(STREAM_FILTERS.bulk, record)).toBe(true);
  });

  it('sends a head modified into the render stage to the bulk lane', () => {
    const record = streamRecord({ eventName: 'MODIFY', sortKey: 'HEAD', newStage: 'render', oldStage: 'done' });
    expect(matchesFilterPattern(STREAM_FILTERS.bulk, record)).toBe(true);
  });

  it('sends a head modified into the notify stage to the bulk lane, and never to the breaking-news lane', () => {
    const record = streamRecord({ eventName: 'MODIFY', sortKey: 'HEAD', newStage: 'notify', oldStage: 'render' });
    expect(matchesFilterPattern(STREAM_FILTERS.bulk, record)).toBe(true);
    expect(matchesFilterPattern(STREAM_FILTERS.breaking, record)).toBe(false);
  });

  it('ignores version items, whose sort key is not HEAD', () => {
    const record = streamRecord({ eventName: 'INSERT', sortKey: 'V#00000002', newStage: 'render' });
    expect(matchesFilterPattern(STREAM_FILTERS.bulk, record)).toBe(false);
  });

  it('ignores a removed head, which has no new image', () => {
    const record = streamRecord({ eventName: 'REMOVE', sortKey: 'HEAD', oldStage: 'render' });
    expect(matchesFilterPattern(STREAM_FILTERS.bulk, record)).toBe(false);
  });

  it('ignores a head that reaches done or alerting, on both lanes', () => {
    for (const newStage of ['done', 'alerting']) {
      const record = streamRecord({ eventName: 'MODIFY', sortKey: 'HEAD', newStage, oldStage: 'notify' });
      expect(matchesFilterPattern(STREAM_FILTERS.bulk, record)).toBe(false);
      expect(matchesFilterPattern(STREAM_FILTERS.breaking, record)).toBe(false);
    }
  });
});

describe('matchesFilterPattern semantics', () => {
  const event = {
    source: 'newsroom',
    detail: { section: 'Tech', wordCount: 840, breaking: false, tags: ['AI', 'Chips'], editor: null },
  };

  it('requires every key of a nested pattern to match', () => {
    expect(matchesFilterPattern({ source: ['newsroom'], detail: { section: ['Tech'] } }, event)).toBe(true);
    expect(matchesFilterPattern({ source: ['newsroom'], detail: { section: ['World'] } }, event)).toBe(false);
  });

  it('matches an array value when any element is allowed', () => {
    expect(matchesFilterPattern({ detail: { tags: ['Chips', 'Space'] } }, event)).toBe(true);
    expect(matchesFilterPattern({ detail: { tags: ['Space'] } }, event)).toBe(false);
  });

  it('compares numbers, booleans and null by equality', () => {
    expect(matchesFilterPattern({ detail: { wordCount: [840], breaking: [false], editor: [null] } }, event)).toBe(true);
    expect(matchesFilterPattern({ detail: { breaking: [true] } }, event)).toBe(false);
  });

  it('matches prefix and suffix on strings', () => {
    expect(matchesFilterPattern({ source: [{ prefix: 'news' }] }, event)).toBe(true);
    expect(matchesFilterPattern({ source: [{ suffix: 'room' }] }, event)).toBe(true);
    expect(matchesFilterPattern({ source: [{ prefix: 'room' }] }, event)).toBe(false);
  });

  it('matches anything-but when the value is not listed', () => {
    expect(matchesFilterPattern({ detail: { section: [{ 'anything-but': ['World', 'Business'] }] } }, event)).toBe(true);
    expect(matchesFilterPattern({ detail: { section: [{ 'anything-but': ['Tech'] }] } }, event)).toBe(false);
  });

  it('matches exists against the presence of a leaf', () => {
    expect(matchesFilterPattern({ detail: { section: [{ exists: true }], dek: [{ exists: false }] } }, event)).toBe(true);
    expect(matchesFilterPattern({ detail: { dek: [{ exists: true }] } }, event)).toBe(false);
  });

  it('does not treat an object as a leaf for exists', () => {
    expect(matchesFilterPattern({ detail: [{ exists: true }] }, event)).toBe(false);
  });

  it('matches numeric ranges on numbers only', () => {
    expect(matchesFilterPattern({ detail: { wordCount: [{ numeric: ['>', 0, '<=', 1000] }] } }, event)).toBe(true);
    expect(matchesFilterPattern({ detail: { wordCount: [{ numeric: ['>', 1000] }] } }, event)).toBe(false);
    expect(matchesFilterPattern({ detail: { section: [{ numeric: ['>', 0] }] } }, event)).toBe(false);
  });

  it('rejects an unknown operator instead of silently not matching', () => {
    expect(() => matchesFilterPattern({ source: [{ wildcard: 'news*' }] }, event)).toThrow(InvalidFilterRuleError);
  });
});
