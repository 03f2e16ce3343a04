import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createMemoryLists } from '../../bench/site/memory-lists';
import type { ArticleHeadWithContent } from '../../shared/domain/article';
import { STAGES } from '../../shared/domain/lifecycle';
import type { RenderedFile, SiteConfig } from '../../shared/domain/render';
import { rebuildSite } from '../../shared/use-cases/rebuild-site';
import { SEED_ARTICLE } from '../shared/domain/render/seed-article';
import { createMemoryArchiveReader } from '../../shared/adapters/memory-archive-reader';

/** The site the quality gates render. */
export const QUALITY_SITE: SiteConfig = { baseUrl: 'https://news.example.com', publication: 'Newsroom Daily' };
/** "Now" for the fixture: within 48 hours of the newest articles. */
export const QUALITY_NOW = new Date('2025-03-06T12:00:00.000Z');

const SECTIONS = ['World', 'Business', 'Tech'];

function head(index: number): ArticleHeadWithContent {
  const publishedAt = new Date(Date.parse('2025-02-01T08:00:00.000Z') + index * 20 * 3600 * 1000).toISOString();
  const rtl = index === 7;
  return {
    ...SEED_ARTICLE,
    id: `a${index}`,
    slug: `${SEED_ARTICLE.slug}-${index}`,
    title: rtl ? 'حوار رقمي بين الولايات المتحدة والصين' : `${SEED_ARTICLE.title} (${index})`,
    language: rtl ? 'ar' : 'en',
    section: SECTIONS[index % SECTIONS.length] ?? 'World',
    tags: index % 2 === 0 ? ['AI safety', 'diplomacy'] : ['AI safety'],
    correction: index === 44 ? 'An earlier version misdated the announcement.' : undefined,
    image:
      index === 44
        ? {
            src: '/assets/images/harbour.0123abcd.jpg',
            alt: 'Wind turbines over a harbour at dusk',
            caption: 'The harbour.',
            credit: 'Photo Desk',
            width: 1200,
            height: 675,
          }
        : index % 5 === 0
          ? { src: 'https://images.example.com/flag.jpg', alt: 'A flag against a blue sky', caption: 'The flag.', credit: 'Photo Desk' }
          : SEED_ARTICLE.image,
    breaking: index === 44 || index === 41,
    related: index > 0 ? [{ slug: `${SEED_ARTICLE.slug}-${index - 1}`, title: 'An earlier story', section: 'World' }] : [],
    publishedAt,
    updatedAt: index === 44 ? QUALITY_NOW.toISOString() : publishedAt,
    stage: STAGES.done,
    sourceHash: `h${index}`,
    alertDue: false,
  };
}

/** Renders a 45-article site (every page type: articles, home/section/tag/author fronts and archive pages, feeds, sitemaps, 404) in memory. */
export async function renderQualitySite(): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  const heads = Array.from({ length: 45 }, (_, index) => head(index));
  const lists = createMemoryLists();
  await rebuildSite({
    archive: createMemoryArchiveReader(() => heads),
    lists,
    live: lists,
    site: { write: async (written) => void files.push(...written) },
    cdn: { invalidate: async () => undefined },
    siteConfig: QUALITY_SITE,
    clock: () => QUALITY_NOW,
  });
  return files;
}

/** Writes files under `dir` by key. */
export async function writeSite(dir: string, files: readonly RenderedFile[]): Promise<void> {
  for (const file of files) {
    const path = join(dir, file.key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.body);
  }
}
