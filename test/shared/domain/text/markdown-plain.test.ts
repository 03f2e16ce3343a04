import { describe, expect, it } from 'vitest';
import { markdownToPlainBlocks, markdownToPlainParagraphs } from '../../../../shared/domain/text';

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

  it('drops code blocks, raw HTML and tables', () => {
    const md = 'Prose.\n\n```\nconst x = 1;\n```\n\n<div>box</div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    expect(markdownToPlainParagraphs(md)).toEqual(['Prose.']);
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
    expect(markdownToPlainBlocks('# Title\n\nText.\n\n- item\n\n> quote').map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'list-item',
      'quote',
    ]);
  });
});
