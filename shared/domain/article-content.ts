import type { ArticleContent, ArticleHead, ArticleHeadWithContent } from './article';

/** A head's version has no stored content: its version item, written with the head in one transaction, is missing. */
export class ArticleContentMissingError extends Error {
  override readonly name = 'ArticleContentMissingError';
}

/**
 * `head` with the content of its version, taken from `contents` (by article id, as the store's `getContents`
 * answers).
 * @throws ArticleContentMissingError when `contents` has none for it
 */
export function withContent(head: ArticleHead, contents: ReadonlyMap<string, ArticleContent>): ArticleHeadWithContent {
  const content = contents.get(head.id);
  if (!content) throw new ArticleContentMissingError(`No stored content for ${head.id} at version ${head.version}`);
  return { ...head, ...content };
}
