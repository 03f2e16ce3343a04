/** Language-aware text utilities: Markdown to plain text, sentences, index terms, TF-IDF. */
export { markdownToPlainBlocks, markdownToPlainParagraphs } from './markdown-plain';
export type { PlainBlock, PlainBlockKind } from './markdown-plain';
export { markdownParser, parseMarkdown } from './markdown-parser';
export type { MarkdownToken } from './markdown-parser';
export { splitSentences } from './sentences';
export { tokenize, wordsOf } from './words';
export { stopWordsFor, primaryLanguage } from './stop-words';
export { porterStem } from './porter-stemmer';
export { segmenterFor } from './segmenters';
export { isMostlySpaceless, countLetters } from './script';
export { inverseDocumentFrequencies, tfIdfVector, cosineSimilarity } from './term-vectors';
export type { TermVector } from './term-vectors';
