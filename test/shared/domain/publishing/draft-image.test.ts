import { imageSize } from 'image-size';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { imageSource, siteImage } from '../../../../shared/domain/publishing/draft-image';

const JPEG = new Uint8Array(readFileSync(new URL('../../../../examples/images/harbour-wind-farm.jpg', import.meta.url)));

/** A minimal valid PNG of the given size (one grey row repeated), built from its chunks. */
function png(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let row = 0; row < height; row++) rows[row * (width + 1)] = 0;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}

describe('imageSource', () => {
  it('resolves a file name against the draft’s folder in the drafts bucket', () => {
    expect(imageSource('drafts/world/story.md', { src: 'images/photo.jpg', alt: 'A' })).toEqual({
      kind: 'object',
      key: 'drafts/world/images/photo.jpg',
    });
  });

  it('finds a preview’s image in the same folder under drafts/', () => {
    expect(imageSource('previews/story.md', { src: 'images/photo.jpg', alt: 'A' })).toEqual({ kind: 'object', key: 'drafts/images/photo.jpg' });
  });

  it('takes a src under drafts/ as the object key', () => {
    expect(imageSource('drafts/a/b.md', { src: 'drafts/images/photo.jpg', alt: 'A' })).toEqual({ kind: 'object', key: 'drafts/images/photo.jpg' });
  });

  it('leaves https images and drafts without an image alone', () => {
    expect(imageSource('drafts/a.md', { src: 'https://images.example.com/a.jpg', alt: 'A' })).toEqual({ kind: 'url' });
    expect(imageSource('drafts/a.md', { alt: 'Only a description' })).toEqual({ kind: 'none' });
    expect(imageSource('drafts/a.md', undefined)).toEqual({ kind: 'none' });
  });

  it('refuses a path that leaves drafts/', () => {
    const source = imageSource('drafts/a.md', { src: '../reports/x.jpg', alt: 'A' });
    expect(source.kind).toBe('invalid');
  });
});

describe('siteImage', () => {
  it('reads a JPEG’s size and names its copy by a hash of its bytes', () => {
    const image = siteImage('drafts/images/harbour-wind-farm.jpg', JPEG, imageSize);
    expect(image).toMatchObject({ contentType: 'image/jpeg', width: 1200, height: 675 });
    expect('key' in image && image.key).toMatch(/^assets\/images\/harbour-wind-farm\.[0-9a-f]{8}\.jpg$/);
  });

  it('gives the same key for the same bytes and another for other bytes', () => {
    const a = siteImage('drafts/images/x.png', png(30, 20), imageSize);
    const b = siteImage('drafts/other/x.png', png(30, 20), imageSize);
    const c = siteImage('drafts/images/x.png', png(31, 20), imageSize);
    expect(a).toMatchObject({ contentType: 'image/png', width: 30, height: 20 });
    expect('key' in a && 'key' in b && a.key === b.key).toBe(true);
    expect('key' in a && 'key' in c && a.key !== c.key).toBe(true);
  });

  it('refuses an SVG (it can carry script) and bytes that are no image', () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect(siteImage('drafts/images/x.svg', svg, imageSize)).toMatchObject({ path: 'image.src' });
    expect(siteImage('drafts/images/x.jpg', new TextEncoder().encode('not an image'), imageSize)).toMatchObject({ path: 'image.src' });
  });
});
