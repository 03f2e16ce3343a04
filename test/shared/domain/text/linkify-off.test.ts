import { describe, expect, it } from 'vitest';
import LinkifyOff, { LinkifyNotBundledError } from '../../../../shared/domain/text/linkify-off';
import { markdownParser } from '../../../../shared/domain/text/markdown-parser';

describe('LinkifyOff, bundled for linkify-it', () => {
  it('is constructed as markdown-it constructs its LinkifyIt, and refuses every call linkify: true would make', () => {
    const linkify = new LinkifyOff();
    expect(() => linkify.test()).toThrow(LinkifyNotBundledError);
    expect(() => linkify.pretest()).toThrow(LinkifyNotBundledError);
    expect(() => linkify.match()).toThrow(LinkifyNotBundledError);
    expect(() => linkify.matchAtStart()).toThrow(LinkifyNotBundledError);
  });

  it('stands in for a parser that never linkifies', () => {
    expect(markdownParser.options.linkify).toBe(false);
  });
});
