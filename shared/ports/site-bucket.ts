import type { RenderedFile, SiteAsset } from '../domain/render';

/** Writes rendered files to the site bucket that the CDN serves. */
export interface SiteBucket {
  /** Writes each file with its content type and cache policy. */
  write(files: readonly RenderedFile[]): Promise<void>;
}

/** Writes binary assets (copied images) to the site bucket. */
export interface SiteAssets {
  /** Writes one asset with its content type and cache policy. */
  writeAsset(asset: SiteAsset): Promise<void>;
}
