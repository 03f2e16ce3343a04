import { describe, expect, it } from 'vitest';
import { articlePath } from '../../shared/domain/article';
import { slugify } from '../../shared/domain/draft';
import { eventually, fetchPage } from '../support/local-stack-client';
import { markdownDraft, uniqueTitle } from './drafts';
import { dropBeforeGoodDraft, expectRejected, pageExists } from './expect-report';

/** Drops a draft that is hostile but valid, and checks it is published at `slug` and the stack goes on. */
async function expectPublished(name: string, body: string, slug: string): Promise<string> {
  const { report, editorsAlert } = await dropBeforeGoodDraft(name, body);
  expect(report.status).toBe('published');
  expect(editorsAlert).toContain(name);
  const page = await eventually(async () => {
    const found = await fetchPage(encodeURI(articlePath(slug)));
    return found.status === 200 ? found : undefined;
  });
  return page.body;
}

describe('the hostile drafts of issue 10, dropped into the running stack', () => {
  it('publishes a body ending in 34 unmatched "[" and goes on', async () => {
    const title = uniqueTitle('Thirty-four brackets');
    const html = await expectPublished(
      'brackets-34.md',
      markdownDraft({ title, section: 'World' }, `A normal sentence. ${'['.repeat(34)}`),
      slugify(title),
    );
    expect(html).toContain(`A normal sentence. ${'['.repeat(34)}`);
  });

  it('publishes a body of 5,000 unmatched "[" and goes on', async () => {
    const title = uniqueTitle('Five thousand brackets');
    await expectPublished('brackets-5000.md', markdownDraft({ title, section: 'World' }, `A normal sentence. ${'['.repeat(5_000)}`), slugify(title));
  });

  it('publishes a 295 KB body of short sentences and goes on', async () => {
    const title = uniqueTitle('Many short sentences');
    const body = Array.from({ length: 19_600 }, (_, i) => `Item ${i} is up.`)
      .join(' ')
      .slice(0, 295_000);
    const html = await expectPublished('short-sentences.md', markdownDraft({ title, section: 'World' }, body), slugify(title));
    expect(html).toContain('Item 15000 is up.');
  });

  it('rejects a title holding U+FFFF and U+FFFE, naming field and line, and publishes nothing', async () => {
    const title = uniqueTitle('Noncharacters');
    await expectRejected(
      'title-ffff.md',
      `---\ntitle: "${title} \\uFFFF\\uFFFE"\nsection: World\n---\n\nBody text.\n`,
      {
        path: 'title',
        message: /noncharacter \(U\+FFFF\)/,
        line: 2,
      },
      slugify(title),
    );
  });

  it('rejects a section holding a zero-width space', async () => {
    const title = uniqueTitle('Zero width section');
    await expectRejected(
      'section-zwsp.md',
      markdownDraft({ title, section: 'World\u200B' }),
      {
        path: 'section',
        message: /invisible character \(U\+200B/,
        line: 3,
      },
      slugify(title),
    );
  });

  it('publishes a fullwidth slug at its NFKC form', async () => {
    const suffix = Date.now().toString(36);
    const fullwidth = [...`admin-${suffix}`].map((c) => (c === '-' ? c : String.fromCodePoint(c.codePointAt(0)! + 0xfee0))).join('');
    await expectPublished(
      'slug-fullwidth.md',
      markdownDraft({ title: uniqueTitle('Fullwidth slug'), section: 'World', slug: fullwidth }),
      `admin-${suffix}`,
    );
    expect(await pageExists(fullwidth)).toBe(false);
  });

  it('rejects a slug of combining marks only', async () => {
    await expectRejected('slug-marks.md', markdownDraft({ title: uniqueTitle('Marks slug'), section: 'World', slug: '\u0301\u0302' }), {
      path: 'slug',
      message: /letters and digits/,
      line: 4,
    });
  });

  it('rejects a publishAt of 9999-12-31, and schedules nothing', async () => {
    const title = uniqueTitle('Far future');
    await expectRejected(
      'far-future.md',
      markdownDraft({ title, section: 'World', publishAt: '9999-12-31T23:59:59.999Z' }),
      {
        path: 'publishAt',
        message: /at most 366 days ahead/,
        line: 4,
      },
      slugify(title),
    );
  });
});
