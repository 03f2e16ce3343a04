import MarkdownIt from 'markdown-it';

/** What a block of plain text was in the Markdown source. */
export type PlainBlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote';

/** A block of a Markdown document as plain text. */
export interface PlainBlock {
  readonly kind: PlainBlockKind;
  readonly text: string;
}

type Token = ReturnType<MarkdownIt['parse']>[number];

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * The prose blocks of a Markdown document as plain text, in order: headings, paragraphs,
 * each list item as its own block, and paragraphs inside block quotes. Emphasis and inline
 * code keep their text, links keep their text, images, raw HTML, code blocks and tables are
 * dropped; entities are decoded; line breaks inside a block become spaces.
 */
export function markdownToPlainBlocks(source: string): PlainBlock[] {
  const tokens = markdown.parse(source, {});
  const blocks: PlainBlock[] = [];
  let listDepth = 0;
  let quoteDepth = 0;
  let tableDepth = 0;
  let headingOpen = false;
  for (const token of tokens) {
    switch (token.type) {
      case 'list_item_open': listDepth++; break;
      case 'list_item_close': listDepth--; break;
      case 'blockquote_open': quoteDepth++; break;
      case 'blockquote_close': quoteDepth--; break;
      case 'table_open': tableDepth++; break;
      case 'table_close': tableDepth--; break;
      case 'heading_open': headingOpen = true; break;
      case 'heading_close': headingOpen = false; break;
      case 'inline': {
        if (tableDepth > 0) break;
        const text = inlineText(token.children ?? []).replace(/\s+/g, ' ').trim();
        if (text === '') break;
        const kind: PlainBlockKind = headingOpen ? 'heading' : listDepth > 0 ? 'list-item' : quoteDepth > 0 ? 'quote' : 'paragraph';
        blocks.push({ kind, text });
        break;
      }
      default: break;
    }
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

function inlineText(children: readonly Token[]): string {
  let out = '';
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        out += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += ' ';
        break;
      default:
        // images, inline HTML and the open/close markers of emphasis and links add no text
        break;
    }
  }
  return out;
}
