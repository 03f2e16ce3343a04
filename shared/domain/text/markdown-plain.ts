import { outlineMarkdown } from './markdown-blocks';
import { inlineToPlain } from './markdown-inline';

/** What a block of plain text was in the Markdown source. */
export type PlainBlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote';

/** A block of a Markdown document as plain text. */
export interface PlainBlock {
  readonly kind: PlainBlockKind;
  readonly text: string;
}

/**
 * The prose blocks of a Markdown document as plain text, in order: headings, paragraphs,
 * each list item as its own block, and paragraphs inside block quotes. Emphasis and inline
 * code keep their text, links keep their text, images, raw HTML, code blocks and tables are
 * dropped; entities are decoded; line breaks inside a block become spaces.
 *
 * The grammar is CommonMark with GFM tables and strikethrough, read as the site's HTML
 * renderer reads it with raw HTML on, but without any dependency. Numeric entities are all decoded; of
 * the named ones only the table in `html-entities` (markup characters, typographic
 * punctuation and symbols, Latin-1 letters) is: any other name stays literal.
 *
 * A block is a `heading`; else a `list-item` when inside any list; else a `quote` when
 * inside a block quote; else a `paragraph`. Blocks with no text are dropped.
 */
export function markdownToPlainBlocks(source: string): PlainBlock[] {
  const { leaves, references } = outlineMarkdown(source);
  const blocks: PlainBlock[] = [];
  for (const leaf of leaves) {
    const text = inlineToPlain(leaf.inline, references).replace(/\s+/g, ' ').trim();
    if (text !== '') blocks.push({ kind: leaf.kind, text });
  }
  return blocks;
}

/**
 * The text of a Markdown document as plain paragraphs (see {@link markdownToPlainBlocks}
 * for what is kept and dropped): one string per heading, paragraph or list item.
 */
export function markdownToPlainParagraphs(source: string): string[] {
  return markdownToPlainBlocks(source).map((b) => b.text);
}
