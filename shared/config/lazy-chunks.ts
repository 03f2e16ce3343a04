/** A module that a deployed bundle keeps in a file of its own beside `index.mjs`, loaded by `import()` on first use. */
export interface LazyChunk {
  /** The module's source, relative to the project root. */
  readonly source: string;
  /** Its file in the function's asset, beside `index.mjs`. */
  readonly file: string;
}

/** The Bedrock Runtime client with its Converse command: only stages with Bedrock takeaways call it. */
export const BEDROCK_CONVERSE_CHUNK: LazyChunk = { source: 'shared/config/clients/bedrock-converse.ts', file: 'bedrock-converse.mjs' };
/** The article page renderer (markdown, layout, site CSS): ingest renders a page only for a preview draft. */
export const ARTICLE_PAGE_CHUNK: LazyChunk = { source: 'shared/domain/render/article-page.ts', file: 'article-page.mjs' };
/** image-size: ingest measures an image only for a draft with an uploaded one. */
export const IMAGE_SIZE_CHUNK: LazyChunk = { source: 'shared/domain/publishing/image-size.ts', file: 'image-size.mjs' };
/**
 * The publish-scheduled use case (related links: Markdown terms, BM25 ranking): the reconciler publishes only a
 * scheduled head whose schedule never ran, which most passes never meet.
 */
export const PUBLISH_SCHEDULED_CHUNK: LazyChunk = { source: 'shared/use-cases/publish-scheduled.ts', file: 'publish-scheduled.mjs' };
/**
 * yaml's `parse`: triage parses front matter only when it could name `breaking`, and most drafts' cannot (ingest,
 * which parses every draft, keeps yaml in its bundle).
 */
export const YAML_PARSE_CHUNK: LazyChunk = { source: 'shared/domain/draft/yaml-parse.ts', file: 'yaml-parse.mjs' };

/**
 * The lazy chunks of every pipeline bundle. esbuild (as CDK runs it) inlines
 * what an `import()` reaches into the one bundle it writes, and V8 parses all
 * of it at every cold start even when that path never runs; the bundling's
 * after-hook builds each of these into its own file instead, beside each
 * bundle that names its file. Runtime code imports the one chunk it loads
 * (`IMAGE_SIZE_CHUNK`), never this table, so a bundle names only its own.
 */
export const LAZY_CHUNKS = {
  bedrockConverse: BEDROCK_CONVERSE_CHUNK,
  articlePage: ARTICLE_PAGE_CHUNK,
  imageSize: IMAGE_SIZE_CHUNK,
  publishScheduled: PUBLISH_SCHEDULED_CHUNK,
  yamlParse: YAML_PARSE_CHUNK,
} as const satisfies Record<string, LazyChunk>;

/** The name the pipeline bundling defines as `true` (esbuild `define`), so bundled code loads chunks from their files. */
export const BUNDLED_FLAG = 'NEWSROOM_BUNDLED';

declare const NEWSROOM_BUNDLED: boolean | undefined;

/**
 * What to `import()` for a lazy chunk: its file beside `index.mjs` in a
 * deployed bundle; from source (tests, the local runtime), the module itself.
 *
 * @param sourceSpecifier the module as the calling file imports it (`./bedrock-converse`); `import()` resolves it from the caller
 */
export function chunkSpecifier(chunk: LazyChunk, sourceSpecifier: string): string {
  return typeof NEWSROOM_BUNDLED === 'boolean' && NEWSROOM_BUNDLED ? `./${chunk.file}` : sourceSpecifier;
}
