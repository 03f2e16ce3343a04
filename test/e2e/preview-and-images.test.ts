import { PutObjectCommand } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articlePath } from '../../shared/domain/article';
import { slugify } from '../../shared/domain/draft';
import { previewAddress } from '../../shared/domain/publishing/preview';
import { renderWithdrawnPage, IMMUTABLE_CACHE_CONTROL } from '../../shared/domain/render';
import { PREVIEW_EXPIRATION_DAYS } from '../../events/names';
import { startPreviewSweeper } from '../../infra/local/preview-sweeper';
import { endpoints, eventually, fetchPage, readObject, readOutbox, s3Client, uploadDraft, waitForReport } from '../support/local-stack-client';
import { markdownDraft, uniqueTitle } from './drafts';

const JPEG = readFileSync(new URL('../../examples/images/harbour-wind-farm.jpg', import.meta.url));

async function uploadPreview(name: string, body: string): Promise<string> {
  const key = `previews/${name}`;
  await s3Client().send(new PutObjectCommand({ Bucket: endpoints().draftsBucket, Key: key, Body: body }));
  return key;
}

/** Every page a reader or crawler can list articles from: the home page, the feeds and the sitemaps. */
async function listingPages(): Promise<string> {
  const paths = ['/', '/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/sitemap.xml', '/sitemaps/news.xml'];
  const pages = await Promise.all(paths.map((path) => fetchPage(path)));
  const months = [...(pages[4]?.body ?? '').matchAll(/<loc>[^<]*(\/sitemaps\/articles-[^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
  const monthPages = await Promise.all(months.map((path) => fetchPage(path)));
  return [...pages, ...monthPages].map((page) => page.body).join('\n');
}

// The first draft of a fresh stack on a loaded 2-core machine can take well over the default 20 s wait.
const SLOW_WAIT_MS = 60_000;

describe('images and previews on the local stack', { timeout: 120_000 }, () => {
  it('copies a draft’s image from the drafts bucket under a content-hashed name and shows it sized on the article page', async () => {
    const imageKey = `drafts/images/e2e-${Date.now().toString(36)}.jpg`;
    await s3Client().send(new PutObjectCommand({ Bucket: endpoints().draftsBucket, Key: imageKey, Body: JPEG }));
    const title = uniqueTitle('Harbour image');
    const since = new Date();
    const key = await uploadDraft(
      `${slugify(title)}.md`,
      markdownDraft({ title, section: 'Business', image: { src: imageKey.slice('drafts/'.length), alt: 'Turbines over a harbour', credit: 'Desk' } }),
    );
    expect((await waitForReport(key, since, SLOW_WAIT_MS)).status).toBe('published');
    const page = await eventually(async () => {
      const found = await fetchPage(encodeURI(articlePath(slugify(title))));
      return found.status === 200 ? found : undefined;
    }, SLOW_WAIT_MS);
    const src = /<img src="(\/assets\/images\/e2e-[a-z0-9-]+\.[0-9a-f]{8}\.jpg)" alt="Turbines over a harbour" width="1200" height="675"/.exec(
      page.body,
    )?.[1];
    expect(src).toBeDefined();
    expect(page.body).toContain(`<meta property="og:image" content="${endpoints().site}${src}">`);
    expect(page.body).toContain(`"image":["${endpoints().site}${src}"]`);
    const image = await fetch(new URL(src ?? '', endpoints().site));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('cache-control')).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(Buffer.from(await image.arrayBuffer()).equals(JPEG)).toBe(true);
  });

  it('rejects a draft whose image is not in the drafts bucket, naming the missing key', async () => {
    const title = uniqueTitle('Missing image');
    const since = new Date();
    const key = await uploadDraft(
      `${slugify(title)}.md`,
      markdownDraft({ title, section: 'World', image: { src: 'images/nowhere.jpg', alt: 'Nothing' } }),
    );
    const report = await waitForReport(key, since, SLOW_WAIT_MS);
    expect(report.status).toBe('rejected');
    expect(report.errors).toEqual([expect.objectContaining({ path: 'image.src', message: expect.stringContaining('drafts/images/nowhere.jpg') })]);
  });

  it('renders a preview at an unlisted, noindex address, tells the editors, and sends no alert', async () => {
    const title = uniqueTitle('Preview only');
    const since = new Date();
    const key = await uploadPreview(`${slugify(title)}.md`, markdownDraft({ title, section: 'World', breaking: true }));
    const report = await waitForReport(key, since, SLOW_WAIT_MS);
    expect(report.status).toBe('previewed');
    const url = new URL(report.url ?? '');
    expect(url.pathname).toMatch(/^\/preview\/[0-9a-z]+-[A-Za-z0-9_-]{22}\/$/);
    expect(Date.parse(report.expiresAt ?? '') - Date.parse(report.at)).toBe(24 * 3600 * 1000 - (Date.parse(report.at) % 1000));

    const page = await fetchPage(url.pathname);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page.body).not.toContain('rel="canonical"');
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(page.body).toContain(title);

    await eventually(
      async () => ((await readOutbox()).some((d) => d.endpoint === 'editors@example.com' && d.message.includes(report.url ?? '')) ? true : undefined),
      SLOW_WAIT_MS,
    );
    // Nothing else happens for a preview: no article page, no listing, no alert. A publish of another story settles the
    // pipeline past this point, so the absence below is not just "not yet".
    const other = uniqueTitle('After preview');
    const otherSince = new Date();
    const otherKey = await uploadDraft(`${slugify(other)}.md`, markdownDraft({ title: other, section: 'World' }));
    expect((await waitForReport(otherKey, otherSince, SLOW_WAIT_MS)).status).toBe('published');
    await eventually(async () => ((await listingPages()).includes(other) ? true : undefined), SLOW_WAIT_MS);
    expect(await listingPages()).not.toContain(title);
    expect((await fetchPage(encodeURI(articlePath(slugify(title))))).status).toBe(404);
    expect((await readOutbox()).filter((d) => d.endpoint !== 'editors@example.com' && `${d.subject ?? ''} ${d.message}`.includes(title))).toEqual([]);
  });

  it('answers 410 Gone for a preview whose time is up', async () => {
    const expired = previewAddress(new Date(Date.now() - 25 * 3600 * 1000), new Uint8Array(16).fill(9));
    const body = renderWithdrawnPage('x', { baseUrl: endpoints().site, publication: 'Newsroom' }).body;
    await s3Client().send(new PutObjectCommand({ Bucket: endpoints().siteBucket, Key: expired.key, Body: body, ContentType: 'text/html' }));
    expect((await fetchPage(expired.path)).status).toBe(410);
    const live = previewAddress(new Date(), new Uint8Array(16).fill(10));
    await s3Client().send(new PutObjectCommand({ Bucket: endpoints().siteBucket, Key: live.key, Body: body, ContentType: 'text/html' }));
    expect((await fetchPage(live.path)).status).toBe(200);
  });

  it('deletes preview objects PREVIEW_EXPIRATION_DAYS after they were written, locally as the lifecycle rule does on AWS', async () => {
    const page = previewAddress(new Date(), new Uint8Array(16).fill(11));
    await s3Client().send(new PutObjectCommand({ Bucket: endpoints().siteBucket, Key: page.key, Body: 'x' }));
    const later = (days: number) => () => new Date(Date.now() + days * 24 * 3600 * 1000);
    const exists = async () => (await readObject(endpoints().siteBucket, page.key)) !== undefined;
    const early = startPreviewSweeper({ client: s3Client(), bucket: endpoints().siteBucket, now: later(PREVIEW_EXPIRATION_DAYS - 0.5) });
    await early.sweep();
    early.stop();
    expect(await exists()).toBe(true);
    const late = startPreviewSweeper({ client: s3Client(), bucket: endpoints().siteBucket, now: later(PREVIEW_EXPIRATION_DAYS + 0.01) });
    await late.sweep();
    late.stop();
    expect(await exists()).toBe(false);
    expect((await fetchPage('/')).status).toBe(200);
  });
});
