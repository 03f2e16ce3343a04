import type { RenderedFile } from '../domain/render';

/** Writes rendered files to the site bucket that the CDN serves. */
export interface SiteBucket {
  /** Writes each file with its content type and cache policy. */
  write(files: readonly RenderedFile[]): Promise<void>;
}
