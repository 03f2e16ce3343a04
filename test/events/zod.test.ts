import { describe, expect, it } from 'vitest';
import * as z from '../../events/zod';
import { readRuntimeConfig } from '../../shared/config/runtime-config';

describe('the Lambda zod', () => {
  it('words its default messages in English', () => {
    const result = z.string().safeParse(42);
    expect(result.error?.issues[0]?.message).toBe('Invalid input: expected string, received number');
  });

  it('gives a configuration error an English reason', () => {
    expect(() => readRuntimeConfig(['siteUrl'], { SITE_URL: 'not a url' })).toThrow('SITE_URL: Invalid URL');
  });
});
