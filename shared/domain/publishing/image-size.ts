/**
 * image-size's `imageSize`, in a module of its own: the entry of a lazy chunk
 * (`IMAGE_SIZE_CHUNK`) that ingest loads for a draft with an uploaded image.
 */
export { imageSize } from 'image-size';
