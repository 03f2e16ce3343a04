/**
 * image-size's `imageSize`, in a module of its own: the entry of a lazy chunk
 * (`LAZY_CHUNKS.imageSize`) that ingest loads for a draft with an uploaded image.
 */
export { imageSize } from 'image-size';
