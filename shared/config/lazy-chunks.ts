/** A module that a deployed bundle keeps in a file of its own beside `index.mjs`, loaded by `import()` on first use. */
export interface LazyChunk {
  /** The module's source, relative to the project root. */
  readonly source: string;
  /** Its file in the function's asset, beside `index.mjs`. */
  readonly file: string;
}

/**
 * The lazy chunks of every pipeline bundle. esbuild (as CDK runs it) inlines
 * what an `import()` reaches into the one bundle it writes, and V8 parses all
 * of it at every cold start even when that path never runs; the bundling's
 * after-hook builds each of these into its own file instead.
 */
export const LAZY_CHUNKS = {
  /** The Bedrock Runtime client with its Converse command: only stages with Bedrock takeaways call it. */
  bedrockConverse: { source: 'shared/config/clients/bedrock-converse.ts', file: 'bedrock-converse.mjs' },
  /** The article page renderer (markdown, layout, site CSS): ingest renders a page only for a preview draft. */
  articlePage: { source: 'shared/domain/render/article-page.ts', file: 'article-page.mjs' },
  /** image-size: ingest measures an image only for a draft with an uploaded one. */
  imageSize: { source: 'shared/domain/publishing/image-size.ts', file: 'image-size.mjs' },
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
