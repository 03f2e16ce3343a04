import { describe, expect, it } from 'vitest';
import { articlePath } from '../../shared/domain/article';
import { slugify } from '../../shared/domain/draft';
import { eventually, fetchPage, PIPELINE_WAIT_MS, uploadDraft, waitForReport } from '../support/local-stack-client';
import { markdownDraft, uniqueTitle } from './drafts';

/** Made-up words unique to one test, so other tests' articles never match. */
function inventedWords(count: number): string[] {
  const stem = Math.random().toString(36).slice(2, 7).replace(/\d/g, 'q');
  return Array.from({ length: count }, (_, i) => `zor${stem}${'abcdefghij'[i]}ix`);
}

function body(words: readonly string[]): string {
  return words
    .map((word, i) => `The ${word} programme grew again this week, officials said of ${word} and ${words[(i + 1) % words.length]}.`)
    .join(' ');
}

async function publish(title: string, words: readonly string[], extra: Record<string, unknown> = {}) {
  const since = new Date();
  const key = await uploadDraft(`${slugify(title)}.md`, markdownDraft({ title, section: 'Science', ...extra }, body(words)));
  return waitForReport(key, since);
}

function relatedSection(page: string): string {
  return page.match(/<section id="related"[\s\S]*?<\/section>/)?.[0] ?? '';
}

async function pageWhere(slug: string, accept: (body: string) => boolean, what: string, before?: () => Promise<unknown>): Promise<string> {
  return eventually(
    async () => {
      await before?.();
      const page = await fetchPage(encodeURI(articlePath(slug)));
      return page.status === 200 && accept(page.body) ? page.body : undefined;
    },
    PIPELINE_WAIT_MS,
    what,
  );
}

describe('related links through the local stack', () => {
  it('re-renders an older article so that it lists a newly published close match', async () => {
    const words = inventedWords(6);
    const older = uniqueTitle(`Older ${words[0]} report`);
    const newer = uniqueTitle(`Newer ${words[0]} report`);
    expect((await publish(older, words)).status).toBe('published');
    await pageWhere(slugify(older), () => true, 'the older page');
    expect((await publish(newer, words)).status).toBe('published');

    const olderPage = await pageWhere(slugify(older), (b) => relatedSection(b).includes(slugify(newer)), 'the older page to link the newer one');
    expect(relatedSection(olderPage)).toContain(encodeURI(articlePath(slugify(newer))));
  });

  it('links the closest match first and never a scheduled article or the article itself', async () => {
    const words = inventedWords(6);
    const close = uniqueTitle(`Close ${words[0]} ${words[1]} story`);
    const loose = uniqueTitle(`Loose ${words[5]} story`);
    const scheduled = uniqueTitle(`Scheduled ${words[0]} ${words[1]} story`);
    const subject = uniqueTitle(`Subject ${words[0]} ${words[1]} story`);
    expect((await publish(loose, [words[5]!, words[4]!, 'weather', 'harbour', 'ferry'])).status).toBe('published');
    expect((await publish(close, words)).status).toBe('published');
    expect((await publish(scheduled, words, { publishAt: new Date(Date.now() + 30 * 86_400_000).toISOString() })).status).toBe('scheduled');
    expect((await publish(subject, words)).status).toBe('published');

    const page = await pageWhere(slugify(subject), (b) => relatedSection(b).includes(slugify(loose)), 'the subject page with both links');
    const related = relatedSection(page);
    expect(related.indexOf(slugify(close))).toBeGreaterThan(-1);
    expect(related.indexOf(slugify(close))).toBeLessThan(related.indexOf(slugify(loose)));
    expect(related).not.toContain(slugify(scheduled));
    expect(related).not.toContain(`${slugify(subject)}/`);
  });
});
