import { describe, expect, it } from 'vitest';
import { describeValueRulesProblem, matchesValueRules } from '../../../../infra/local/filters/value-matcher';

describe('matchesValueRules', () => {
  it('matches when any rule matches any value', () => {
    expect(matchesValueRules(['World', { prefix: 'Te' }], ['Sport', 'Tech'])).toBe(true);
  });

  it('matches only exists false when the field is absent', () => {
    expect(matchesValueRules([{ exists: false }], undefined)).toBe(true);
    expect(matchesValueRules([{ 'anything-but': ['Tech'] }], undefined)).toBe(false);
  });

  it('supports anything-but with a single value and with a prefix', () => {
    expect(matchesValueRules([{ 'anything-but': 'Tech' }], ['World'])).toBe(true);
    expect(matchesValueRules([{ 'anything-but': { prefix: 'Te' } }], ['Tech'])).toBe(false);
  });

  it('applies every numeric condition, including equality', () => {
    expect(matchesValueRules([{ numeric: ['=', 5] }], [5])).toBe(true);
    expect(matchesValueRules([{ numeric: ['>=', 5, '<', 6] }], [6])).toBe(false);
  });
});

describe('describeValueRulesProblem', () => {
  it('accepts a valid rule array', () => {
    expect(describeValueRulesProblem(['Tech', { numeric: ['>', 0, '<=', 5] }, { exists: true }])).toBeNull();
  });

  it('rejects a value that is not an array', () => {
    expect(describeValueRulesProblem('Tech')).toMatch(/non-empty array/);
  });

  it('rejects an empty array', () => {
    expect(describeValueRulesProblem([])).toMatch(/non-empty array/);
  });

  it('rejects numeric conditions that are not operator/number pairs', () => {
    expect(describeValueRulesProblem([{ numeric: ['>', '5'] }])).toMatch(/Unsupported filter rule/);
    expect(describeValueRulesProblem([{ numeric: ['>', 0, '<'] }])).toMatch(/Unsupported filter rule/);
  });

  it('rejects an operator object with two operators', () => {
    expect(describeValueRulesProblem([{ prefix: 'a', suffix: 'b' }])).toMatch(/Unsupported filter rule/);
  });
});
