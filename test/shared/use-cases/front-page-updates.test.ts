import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleStore } from '../../../shared/ports/article-store';
import type { SiteBucket } from '../../../shared/ports/site-bucket';
import type { ArticleHeadWithContent } from '../../../shared/domain/article';
import { planWithdrawal } from '../../../shared/domain/publishing/next-version';
import { renderSiteBatch, type RenderDependencies } from '../../../shared/use-cases/render-site';
import { articleHead } from '../../support/article-fixtures';
import { element, texts } from '../domain/render/html-parts';
import { memoryRenderDependencies } from '../../support/in-memory/render-dependencies';
import { withContent } from '../../../shared/domain/article-content';

let store: ArticleStore;
let deps: RenderDependencies;
const pages = new Map<string, string>();
let minute = 0;

beforeAll(() => {
  const site: SiteBucket = {
    write: async (files) => {
      for (const file of files) pages.set(file.key, file.body);
    },
  };
  const built = memoryRenderDependencies(site, { baseUrl: 'https://news.example', publication: 'The Test Times', sections: ['World', 'Tech'] });
  deps = built;
  store = built.store;
});

/** Publishes a story one minute after the last and renders what it changes. */
async function publish(id: string, section: string, overrides: Partial<ArticleHeadWithContent> = {}): Promise<void> {
  minute += 1;
  const at = new Date(Date.UTC(2026, 10, 27, 10, minute)).toISOString();
  await store.saveVersion(
    articleHead(id, { title: `Story ${id}`, section, slug: id, publishedAt: at, updatedAt: at, alertDue: false, ...overrides }),
    0,
  );
  expect((await renderSiteBatch(deps, [{ id, version: 1 }])).outcome).toBe('rendered');
}

const home = () => pages.get('index.html') ?? '';
const lead = () => texts(element(home(), /<article class="lead"/), 'h2');
const block = (slug: string) => texts(element(home(), new RegExp(`<section class="block" aria-labelledby="block-${slug}"`)), 'a').slice(1);

// Each test publishes and renders several stories on DynamoDB Local: more than the unit-test default on a loaded machine.
describe('the front page on publish and withdrawal (DynamoDB Local)', { timeout: 120_000 }, () => {
  it('leads with the newest story and shows each section’s latest stories in its block', async () => {
    await publish('tech-1', 'Tech', { image: { src: '/assets/images/chip.0123abcd.jpg', alt: 'A chip', width: 1200, height: 800 } });
    for (let n = 1; n <= 5; n++) await publish(`world-${n}`, 'World');
    expect(lead()).toEqual(['Story world-5']);
    // world-1..4 are the top stories: every World story is already shown above, so World gets no block.
    expect(home()).not.toContain('block-world');
    expect(block('tech')).toEqual(['Story tech-1']);
    expect(element(home(), /<article class="lead"/)).not.toContain('<img');
  });

  it('moves a new story into the lead, with its image sized, and marks it when breaking', async () => {
    await publish('tech-2', 'Tech', {
      breaking: true,
      image: { src: '/assets/images/lab.89abcdef.jpg', alt: 'A lab bench', width: 1600, height: 900 },
    });
    const leadStory = element(home(), /<article class="lead"/);
    expect(lead()).toEqual(['Story tech-2']);
    expect(leadStory).toContain('<span class="badge">Breaking</span>');
    expect(leadStory).toContain('src="/assets/images/lab.89abcdef.jpg" alt="A lab bench" width="1600" height="900"');
    expect(leadStory).not.toContain('loading="lazy"');
    expect(block('tech')).toEqual(['Story tech-1']);
    expect(pages.get('sections/tech/index.html')).toContain('<span class="badge">Breaking</span>');
  });

  /** The withdrawal version of a published article, as ingest plans it when its draft is deleted. */
  async function withdrawal(id: string): Promise<ArticleHeadWithContent> {
    const head = await store.getHead(id);
    const next = head && planWithdrawal(head, new Date().toISOString());
    if (!next) throw new Error(`${id} cannot be withdrawn`);
    return withContent(next, await store.getContents([head]));
  }

  it('drops a withdrawn story from the lead, the top stories and its section block', async () => {
    await store.saveVersion(await withdrawal('tech-2'), 1);
    expect((await renderSiteBatch(deps, [{ id: 'tech-2', version: 2 }])).outcome).toBe('rendered');
    expect(lead()).toEqual(['Story world-5']);
    expect(home()).not.toContain('Story tech-2');
    expect(pages.get('sections/tech/index.html')).not.toContain('Story tech-2');

    await store.saveVersion(await withdrawal('tech-1'), 1);
    expect((await renderSiteBatch(deps, [{ id: 'tech-1', version: 2 }])).outcome).toBe('rendered');
    expect(home()).not.toContain('block-tech');
    expect(home()).not.toContain('Story tech-1');
  });
});
