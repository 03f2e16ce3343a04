import { describe, expect, it } from 'vitest';
import { alertFilterPolicy, FilterPolicyLimitError } from '../../../../shared/domain/subscriptions/alert-filter-policy';

describe('alertFilterPolicy', () => {
  it('asks for no policy when the subscriber wants every alert', () => {
    expect(alertFilterPolicy({})).toBeUndefined();
  });

  it('filters on sections, tags and breaking news together', () => {
    expect(alertFilterPolicy({ sections: ['Tech', 'Business'], tags: ['AI'], breakingOnly: true })).toEqual({
      section: ['Tech', 'Business'],
      tags: ['AI'],
      breaking: ['true'],
    });
  });

  it('drops blank and repeated values', () => {
    expect(alertFilterPolicy({ sections: [' Tech', 'Tech', ''] })).toEqual({ section: ['Tech'] });
  });

  it('refuses preferences that exceed the 150 combinations SNS allows', () => {
    const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    expect(() => alertFilterPolicy({ sections: many('s', 13), tags: many('t', 12) })).toThrow(FilterPolicyLimitError);
    expect(alertFilterPolicy({ sections: many('s', 10), tags: many('t', 15) })).toBeDefined();
  });
});
