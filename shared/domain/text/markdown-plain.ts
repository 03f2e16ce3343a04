import { parseMarkdown, type MarkdownToken } from './markdown-parser';

/** What a block of plain text was in the Markdown source. */
export type PlainBlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote';

/** A block of a Markdown document as plain text. */
export interface PlainBlock {
  readonly kind: PlainBlockKind;
  readonly text: string;
}

/**
 * The prose blocks of a Markdown document as plain text, in order, read from the token
 * stream of the parser that renders the page ({@link parseMarkdown}): headings, paragraphs,
 * each list item as its own block, and paragraphs inside block quotes. Emphasis and inline
 * code keep their text, links keep their text, images, code blocks and tables are dropped;
 * entities are decoded; line breaks inside a block become spaces. Raw HTML is text, as it is
 * on the page (the renderer escapes it).
 *
 * A block is a `heading`; else a `list-item` when inside any list; else a `quote` when
 * inside a block quote; else a `paragraph`. Blocks with no text are dropped. Linear in the
 * size of the source.
 */
export function markdownToPlainBlocks(source: string): PlainBlock[] {
  const blocks: PlainBlock[] = [];
  let listDepth = 0;
  let quoteDepth = 0;
  let tableDepth = 0;
  let inHeading = false;
  for (const token of parseMarkdown(source)) {
    switch (token.type) {
      case 'list_item_open':
        listDepth++;
        break;
      case 'list_item_close':
        listDepth--;
        break;
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'table_open':
        tableDepth++;
        break;
      case 'table_close':
        tableDepth--;
        break;
      case 'heading_open':
        inHeading = true;
        break;
      case 'heading_close':
        inHeading = false;
        break;
      case 'inline': {
        if (tableDepth > 0) break;
        const text = inlineText(token.children ?? [])
          .replace(/\s+/g, ' ')
          .trim();
        if (text === '') break;
        const kind: PlainBlockKind = inHeading ? 'heading' : listDepth > 0 ? 'list-item' : quoteDepth > 0 ? 'quote' : 'paragraph';
        blocks.push({ kind, text });
        break;
      }
    }
  }
  return blocks;
}

/** The text of an inline token's children: text and code spans kept, breaks as spaces, images dropped. */
function inlineText(children: readonly MarkdownToken[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
  }
  return text;
}

/**
 * The text of a Markdown document as plain paragraphs (see {@link markdownToPlainBlocks}
 * for what is kept and dropped): one string per heading, paragraph or list item.
 */
export function markdownToPlainParagraphs(source: string): string[] {
  return markdownToPlainBlocks(source).map((b) => b.text);
}
