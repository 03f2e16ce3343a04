import { MAX_IMAGE_BYTES } from '../../events/names';
import type { DraftBucket } from '../ports/draft-bucket';
import type { SiteAssets } from '../ports/site-bucket';
import type { DraftContent, DraftProblem } from '../domain/article';
import { imageSource, siteImage } from '../domain/publishing/draft-image';
import { IMMUTABLE_CACHE_CONTROL } from '../domain/render/site-config';
import { chunkSpecifier, IMAGE_SIZE_CHUNK } from '../config/lazy-chunks';

/** What copying a draft's image needs. */
export interface DraftImageDependencies {
  readonly drafts: Pick<DraftBucket, 'read'>;
  readonly assets: SiteAssets;
}

/** A draft with its image ready for the site, or the problems that stop it. */
export type PreparedDraft = { readonly ok: true; readonly draft: DraftContent } | { readonly ok: false; readonly errors: readonly DraftProblem[] };

/**
 * Puts a draft's image on the site: an image object in the drafts bucket is
 * read (refusing one over {@link MAX_IMAGE_BYTES} before reading it), measured,
 * and copied to the site bucket under a content-hashed key with an immutable
 * cache policy; the draft's `src` becomes that site path and it gains
 * `width`/`height`. An https image is left as it is. A missing, oversize or
 * unreadable image is a problem in the draft. Safe to repeat: the same bytes
 * give the same key.
 */
export async function prepareDraftImage(deps: DraftImageDependencies, draftKey: string, draft: DraftContent): Promise<PreparedDraft> {
  const source = imageSource(draftKey, draft.image);
  if (source.kind === 'invalid') return { ok: false, errors: [source.problem] };
  if (source.kind !== 'object' || !draft.image) return { ok: true, draft };
  const read = await deps.drafts.read(source.key, MAX_IMAGE_BYTES);
  if (read.kind === 'missing') {
    return {
      ok: false,
      errors: [{ path: 'image.src', message: `There is no ${source.key} in the drafts bucket; upload the image before the draft.` }],
    };
  }
  if (read.kind === 'too-large') {
    return { ok: false, errors: [{ path: 'image.src', message: `${source.key} is ${read.size} bytes; the limit is ${MAX_IMAGE_BYTES} bytes.` }] };
  }
  // image-size loads only for a draft with an uploaded image, not at every cold start.
  const { imageSize }: typeof import('../domain/publishing/image-size') = await import(
    chunkSpecifier(IMAGE_SIZE_CHUNK, '../domain/publishing/image-size')
  );
  const image = siteImage(source.key, read.bytes, imageSize);
  if (!('key' in image)) return { ok: false, errors: [image] };
  await deps.assets.writeAsset({ key: image.key, body: read.bytes, contentType: image.contentType, cacheControl: IMMUTABLE_CACHE_CONTROL });
  return { ok: true, draft: { ...draft, image: { ...draft.image, src: `/${image.key}`, width: image.width, height: image.height } } };
}
