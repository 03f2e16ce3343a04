import type { imageSize } from 'image-size';

/** Reads an image's type, size and orientation from its bytes (image-size's `imageSize`, loaded by the caller). */
export type MeasureImage = typeof imageSize;
import { posix } from 'node:path';
import { DRAFTS_PREFIX, PREVIEWS_PREFIX, SITE_IMAGES_PREFIX } from '../../../events/names';
import type { ArticleImage, DraftProblem } from '../article';
import { slugify } from '../draft/slug';
import { urlScheme } from '../render/safe-url';
import { sha256 } from './article-id';

/** Raster formats the site serves, by image-size's type name (SVG is refused: it can carry script). */
const IMAGE_TYPES: Readonly<Record<string, { readonly ext: string; readonly contentType: string }>> = {
  jpg: { ext: 'jpg', contentType: 'image/jpeg' },
  png: { ext: 'png', contentType: 'image/png' },
  webp: { ext: 'webp', contentType: 'image/webp' },
  gif: { ext: 'gif', contentType: 'image/gif' },
  avif: { ext: 'avif', contentType: 'image/avif' },
};

/** Where a draft's image comes from. */
export type ImageSource =
  | { readonly kind: 'none' }
  | { readonly kind: 'url' }
  | { readonly kind: 'object'; readonly key: string }
  | { readonly kind: 'invalid'; readonly problem: DraftProblem };

/**
 * Where the image a draft names lives: nowhere (no `src`), at an https URL,
 * or as an object in the drafts bucket. A relative `src` is resolved against
 * the draft's folder under `drafts/` (a preview under `previews/` uses the
 * same folder under `drafts/`, so both find `drafts/images/…`); a `src`
 * starting with `drafts/` is the object key itself. A path that leaves
 * `drafts/` is a problem.
 */
export function imageSource(draftKey: string, image: ArticleImage | undefined): ImageSource {
  const src = image?.src?.trim();
  if (!src) return { kind: 'none' };
  if (urlScheme(src) !== undefined || src.startsWith('//')) return { kind: 'url' };
  const relative = draftKey.startsWith(PREVIEWS_PREFIX) ? draftKey.slice(PREVIEWS_PREFIX.length) : draftKey.slice(DRAFTS_PREFIX.length);
  const key = src.startsWith(DRAFTS_PREFIX) ? posix.normalize(src) : posix.normalize(posix.join(DRAFTS_PREFIX, posix.dirname(relative), src));
  if (!key.startsWith(DRAFTS_PREFIX) || key.endsWith('/')) {
    return {
      kind: 'invalid',
      problem: { path: 'image.src', message: `"${src}" is outside ${DRAFTS_PREFIX}; name a file in the drafts bucket or an https URL.` },
    };
  }
  return { kind: 'object', key };
}

/** An image object prepared for the site: its content-hashed key, type and intrinsic size. */
export interface SiteImage {
  /** e.g. `assets/images/harbour-wind.3f2a9c1b.jpg` */
  readonly key: string;
  readonly contentType: string;
  readonly width: number;
  readonly height: number;
}

/**
 * Reads an image's type and size from its bytes (EXIF orientation applied)
 * and names its site copy `assets/images/<name>.<8-hex SHA-256>.<ext>`, so
 * the copy can be cached as immutable. A file that is not a JPEG, PNG, WebP,
 * GIF or AVIF is a problem.
 */
export function siteImage(objectKey: string, bytes: Uint8Array, measure: MeasureImage): SiteImage | DraftProblem {
  let size: ReturnType<MeasureImage> | undefined;
  try {
    size = measure(bytes);
  } catch {
    size = undefined;
  }
  const type = size?.type === undefined ? undefined : IMAGE_TYPES[size.type];
  if (!size || !type || !size.width || !size.height) {
    return { path: 'image.src', message: `${objectKey} is not a JPEG, PNG, WebP, GIF or AVIF image.` };
  }
  const turned = (size.orientation ?? 1) >= 5;
  const stem = slugify(posix.basename(objectKey).replace(/\.[^.]*$/, '')).slice(0, 60) || 'image';
  return {
    key: `${SITE_IMAGES_PREFIX}${stem}.${sha256(bytes).slice(0, 8)}.${type.ext}`,
    contentType: type.contentType,
    width: turned ? size.height : size.width,
    height: turned ? size.width : size.height,
  };
}
