import { describe, expect, it } from 'vitest';
import { textDirection } from '../../../../shared/domain/render';

describe('textDirection', () => {
  it.each(['ar', 'he', 'fa', 'ur', 'AR-eg', 'fa_IR'])('is rtl for %j', (language) => {
    expect(textDirection(language)).toBe('rtl');
  });

  it.each(['en', 'zh-Hans', 'arn', 'hr', 'de'])('is ltr for %j', (language) => {
    expect(textDirection(language)).toBe('ltr');
  });
});
