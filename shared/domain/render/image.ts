import type { ArticleImage } from '../article';
import { escapeHtml } from './escape-html';
import { isAllowedUrl, urlScheme } from './safe-url';

/** How an image is loaded: `eager` above the fold (lead, article figure), `lazy` below it. */
export type ImageLoading = 'eager' | 'lazy';

/** The image's `src` when it may be shown: a site path (a copied upload) or an https URL; otherwise undefined. */
export function imageSrc(image: Pick<ArticleImage, 'src'>): string | undefined {
  const src = image.src?.trim();
  if (!src || !isAllowedUrl(src)) return undefined;
  const scheme = urlScheme(src);
  return scheme === undefined || scheme === 'https' ? src : undefined;
}

/**
 * An `<img>` with `alt`, `decoding="async"`, `width`/`height` when known
 * (so the browser reserves the box before the bytes arrive) and
 * `loading="lazy"` below the fold; undefined when the image has no
 * showable `src`.
 */
export function imageTag(image: ArticleImage, loading: ImageLoading, className?: string): string | undefined {
  const src = imageSrc(image);
  if (src === undefined) return undefined;
  const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : '';
  const lazy = loading === 'lazy' ? ' loading="lazy"' : '';
  const cls = className ? ` class="${className}"` : '';
  return `<img${cls} src="${escapeHtml(src)}" alt="${escapeHtml(image.alt)}"${size}${lazy} decoding="async">`;
}
