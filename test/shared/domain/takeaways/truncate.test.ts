import { describe, expect, it } from 'vitest';
import { truncateAtWord } from '../../../../shared/domain/takeaways/truncate';

describe('truncateAtWord', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateAtWord('Short enough.', 20, 'en')).toBe('Short enough.');
  });

  it('cuts at a word boundary, drops trailing punctuation and adds an ellipsis', () => {
    expect(truncateAtWord('The council approved the budget, raising spending.', 34, 'en')).toBe('The council approved the budget…');
  });

  it('cuts Chinese between words within the limit', () => {
    const cut = truncateAtWord('上海至南京的新高速铁路线今天正式开通运营，全程运行时间缩短至一个小时以内。', 12, 'zh');
    expect(cut.length).toBeLessThanOrEqual(12);
    expect(cut.endsWith('…')).toBe(true);
    expect('上海至南京的新高速铁路线今天正式开通运营').toContain(cut.slice(0, -1));
  });
});

describe('truncateAtWord on one long word', () => {
  it('never cuts inside a surrogate pair', () => {
    const cut = truncateAtWord('𮹞'.repeat(300), 220, 'en');
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(cut.length).toBeLessThanOrEqual(220);
  });
});
