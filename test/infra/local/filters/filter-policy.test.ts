import { describe, expect, it } from 'vitest';
import { ALERT_ATTRIBUTES } from '../../../../events/names';
import { matchesFilterPolicy, validateFilterPolicy } from '../../../../infra/local/filters/filter-policy';

const techAlert = {
  [ALERT_ATTRIBUTES.section]: { DataType: 'String', StringValue: 'Tech' },
  [ALERT_ATTRIBUTES.tags]: { DataType: 'String.Array', StringValue: '["AI","Diplomacy"]' },
  [ALERT_ATTRIBUTES.breaking]: { DataType: 'String', StringValue: 'true' },
  [ALERT_ATTRIBUTES.language]: { DataType: 'String', StringValue: 'en' },
  wordCount: { DataType: 'Number', StringValue: '840' },
};

describe('matchesFilterPolicy', () => {
  it('matches an exact string attribute', () => {
    expect(matchesFilterPolicy({ section: ['Tech'] }, techAlert)).toBe(true);
    expect(matchesFilterPolicy({ section: ['Business'] }, techAlert)).toBe(false);
  });

  it('requires every key to match', () => {
    expect(matchesFilterPolicy({ section: ['Tech'], language: ['fr'] }, techAlert)).toBe(false);
  });

  it('accepts any of the values of one key', () => {
    expect(matchesFilterPolicy({ section: ['World', 'Tech'] }, techAlert)).toBe(true);
  });

  it('matches a String.Array attribute when any element matches', () => {
    expect(matchesFilterPolicy({ tags: ['Diplomacy', 'Space'] }, techAlert)).toBe(true);
    expect(matchesFilterPolicy({ tags: ['Space'] }, techAlert)).toBe(false);
  });

  it('compares Number attributes numerically', () => {
    expect(matchesFilterPolicy({ wordCount: [{ numeric: ['>=', 500, '<', 1000] }] }, techAlert)).toBe(true);
    expect(matchesFilterPolicy({ wordCount: [{ numeric: ['<', 500] }] }, techAlert)).toBe(false);
  });

  it('does not compare String attributes numerically', () => {
    const attributes = { wordCount: { DataType: 'String', StringValue: '840' } };
    expect(matchesFilterPolicy({ wordCount: [{ numeric: ['>', 0] }] }, attributes)).toBe(false);
  });

  it('matches prefix and anything-but', () => {
    expect(matchesFilterPolicy({ language: [{ prefix: 'e' }] }, techAlert)).toBe(true);
    expect(matchesFilterPolicy({ section: [{ 'anything-but': ['Tech'] }] }, techAlert)).toBe(false);
  });

  it('fails a key whose attribute is absent unless it asks for exists false', () => {
    expect(matchesFilterPolicy({ region: ['Asia'] }, techAlert)).toBe(false);
    expect(matchesFilterPolicy({ region: [{ exists: false }] }, techAlert)).toBe(true);
    expect(matchesFilterPolicy({ section: [{ exists: true }] }, techAlert)).toBe(true);
  });

  it('matches every message with an empty policy', () => {
    expect(matchesFilterPolicy({}, {})).toBe(true);
  });
});

describe('validateFilterPolicy', () => {
  it('accepts a policy within the quotas', () => {
    expect(validateFilterPolicy({ section: ['Tech', 'World'], tags: ['AI'], breaking: [{ exists: true }] })).toBeNull();
  });

  it('rejects more than five keys', () => {
    const policy = { a: ['1'], b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'] };
    expect(validateFilterPolicy(policy)).toMatch(/more than 5 keys/);
  });

  it('accepts exactly 150 value combinations and rejects more', () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    expect(validateFilterPolicy({ a: values(10), b: values(15) })).toBeNull();
    expect(validateFilterPolicy({ a: values(13), b: values(12) })).toMatch(/156 value combinations/);
  });

  it('rejects nested objects, which only the MessageBody scope allows', () => {
    expect(validateFilterPolicy({ article: { section: ['Tech'] } })).toMatch(/MessageBody/);
  });

  it('rejects an unknown rule', () => {
    expect(validateFilterPolicy({ section: [{ wildcard: 'T*' }] })).toMatch(/section.*Unsupported filter rule/);
  });

  it('rejects a policy that is not an object', () => {
    expect(validateFilterPolicy(['Tech'])).toMatch(/JSON object/);
  });
});
