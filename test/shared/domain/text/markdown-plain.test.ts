import { describe, expect, it } from 'vitest';
import { markdownToPlainBlocks, markdownToPlainParagraphs, parseMarkdown } from '../../../../shared/domain/text';

describe('markdownToPlainParagraphs', () => {
  it('strips heading markers', () => {
    expect(markdownToPlainParagraphs('## What *changes* now')).toEqual(['What changes now']);
  });

  it('keeps the text of emphasis and inline code', () => {
    expect(markdownToPlainParagraphs('A **bold**, _quiet_ and `coded` word.')).toEqual(['A bold, quiet and coded word.']);
  });

  it('keeps link text and drops the URL', () => {
    expect(markdownToPlainParagraphs('Read [the report](https://example.org/r) today.')).toEqual(['Read the report today.']);
  });

  it('drops images', () => {
    expect(markdownToPlainParagraphs('Before ![a chart](c.png) after.')).toEqual(['Before after.']);
  });

  it('drops code blocks and tables', () => {
    const md = 'Prose.\n\n```\nconst x = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    expect(markdownToPlainParagraphs(md)).toEqual(['Prose.']);
  });

  it('keeps raw HTML as the text the page shows (the renderer escapes it)', () => {
    expect(markdownToPlainParagraphs('A <abbr>UN</abbr> vote.\n\n<div>box</div>')).toEqual(['A <abbr>UN</abbr> vote.', '<div>box</div>']);
  });

  it('turns each list item into its own paragraph', () => {
    expect(markdownToPlainParagraphs('- first item\n- second *item*\n')).toEqual(['first item', 'second item']);
  });

  it('keeps the text of block quotes without the marker', () => {
    expect(markdownToPlainParagraphs('> A quoted line\n> continues here.')).toEqual(['A quoted line continues here.']);
  });

  it('decodes entities and joins soft line breaks with a space', () => {
    expect(markdownToPlainParagraphs('Fish &amp; chips\nare back.')).toEqual(['Fish & chips are back.']);
  });
});

describe('markdownToPlainBlocks', () => {
  it('labels each block with what it was', () => {
    expect(markdownToPlainBlocks('# Title\n\nText.\n\n- item\n\n> quote').map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list-item', 'quote']);
  });
});

describe('markdownToPlainBlocks constructs', () => {
  const texts = (md: string): string[] => markdownToPlainParagraphs(md);
  const kinds = (md: string): string[] => markdownToPlainBlocks(md).map((b) => b.kind);

  it('strips the closing hashes of an ATX heading', () => {
    expect(markdownToPlainBlocks('### Budget passes ###')).toEqual([{ kind: 'heading', text: 'Budget passes' }]);
  });

  it('reads setext headings underlined with = or -', () => {
    expect(kinds('Main\n===\n\nSub\n---')).toEqual(['heading', 'heading']);
  });

  it('turns hard line breaks into a space', () => {
    expect(texts('two spaces  \nand backslash\\\nend')).toEqual(['two spaces and backslash end']);
  });

  it('collapses whitespace and drops empty blocks', () => {
    expect(texts('  a \t  b  \n\n#\n\n> \n\n- ')).toEqual(['a b']);
  });

  it('drops fenced code blocks with backticks or tildes, up to a long enough closing fence', () => {
    expect(texts('~~~~\n~~~\nstill code\n~~~~~\n```js\nx\n```\nafter')).toEqual(['after']);
  });

  it('drops fenced code inside list items and quotes', () => {
    expect(texts('- item\n\n  ```\n  code\n  ```\n> ```\n> code\n> ```')).toEqual(['item']);
  });

  it('drops indented code blocks', () => {
    expect(texts('prose\n\n    code line\n\nmore')).toEqual(['prose', 'more']);
  });

  it('drops a table with its header and alignment row', () => {
    expect(texts('Votes:\n\n| party | seats |\n|:--|--:|\n| A | 3 |\n\nEnd.')).toEqual(['Votes:', 'End.']);
  });

  it('ignores thematic breaks', () => {
    expect(texts('one\n\n* * *\n\ntwo')).toEqual(['one', 'two']);
  });

  it('reads nested quotes and lazy continuation lines as quote', () => {
    expect(markdownToPlainBlocks('> > deep\nlazy\n>\n> outer')).toEqual([
      { kind: 'quote', text: 'deep lazy' },
      { kind: 'quote', text: 'outer' },
    ]);
  });

  it('gives each paragraph of a list item, nested or ordered, its own list-item block', () => {
    expect(markdownToPlainBlocks('1. first\n   continued\n\n   second para\n2) other list\n   - nested')).toEqual([
      { kind: 'list-item', text: 'first continued' },
      { kind: 'list-item', text: 'second para' },
      { kind: 'list-item', text: 'other list' },
      { kind: 'list-item', text: 'nested' },
    ]);
  });

  it('labels a list inside a quote list-item', () => {
    expect(kinds('> - quoted item')).toEqual(['list-item']);
  });

  it('keeps intraword underscores and unpaired markers', () => {
    expect(texts('snake_case_name, 2 * 3 and *open')).toEqual(['snake_case_name, 2 * 3 and *open']);
  });

  it('removes paired emphasis, strong and strikethrough markers', () => {
    expect(texts('***all*** __strong__ ~~gone~~ *a **b** c*')).toEqual(['all strong gone a b c']);
  });

  it('keeps the content of code spans, markers included', () => {
    expect(texts('Run `a *b* &amp;` now')).toEqual(['Run a *b* &amp; now']);
  });

  it('resolves backslash escapes', () => {
    expect(texts('\\*not em\\* \\[x\\] \\a')).toEqual(['*not em* [x] \\a']);
  });

  it('keeps the text of inline and reference links and drops definitions', () => {
    expect(texts('[one](/u "t") [two][r] [Three] [none][x]\n\n[r]: /r\n[three]: /3')).toEqual(['one two Three [none][x]']);
  });

  it('adds no text for images', () => {
    expect(texts('![chart](c.png "t") ![ref][r]\n\n[r]: /r')).toEqual([]);
  });

  it('keeps the URL of autolinks', () => {
    expect(texts('See <https://example.org/a> or <desk@example.org>.')).toEqual(['See https://example.org/a or desk@example.org.']);
  });

  it('decodes numeric and named entities', () => {
    expect(texts('caf&eacute; &#233;&#xE9; &euro;5 &ldquo;q&rdquo; &Uuml;ber &hearts;')).toEqual(['café éé €5 “q” Über ♥']);
  });

  it('reads 5,000 unmatched brackets as text', () => {
    const brackets = '['.repeat(5_000);
    expect(texts(`A normal sentence. ${brackets}`)).toEqual([`A normal sentence. ${brackets}`]);
  });

  it('parses the same body once for takeaways and related terms', () => {
    const body = 'One *parse*.';
    expect(parseMarkdown(body)).toBe(parseMarkdown(body));
  });
});
