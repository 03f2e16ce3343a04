/**
 * Drafts written to hurt: the ones reported in issue 10, a generated adversarial set, and
 * the largest drafts the limits allow. Shared by `npm run bench -- hostile`, the property
 * tests and the end-to-end tests.
 */
import { readFileSync } from 'node:fs';
import { DRAFT_LIMITS } from '../../shared/domain/draft';

/** A named draft file. */
export interface HostileDraft {
  readonly name: string;
  /** File name; its suffix picks the format. */
  readonly fileName: string;
  readonly text: string;
}

const FRONT = 'title: A hostile draft\nsection: World';

function markdown(name: string, body: string, frontMatter = FRONT): HostileDraft {
  return { name, fileName: `${name}.md`, text: `---\n${frontMatter}\n---\n\n${body}\n` };
}

/** Repeats `unit` (joined by `separator`) while the result stays within `limit` characters. */
function fill(unit: (i: number) => string, limit: number, separator = ' '): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; ; i++) {
    const part = unit(i);
    if (length + part.length + separator.length > limit) break;
    parts.push(part);
    length += part.length + separator.length;
  }
  return parts.join(separator);
}

const BODY_MAX = DRAFT_LIMITS.body;

/** The editor's normal draft (the seed article). */
export function normalDraft(): HostileDraft {
  const text = readFileSync(new URL('../../../shared/drafts/us-china-ai-dialogue.md', import.meta.url), 'utf8');
  return { name: 'editor-normal', fileName: 'us-china-ai-dialogue.md', text };
}

/** The drafts of issue 10, each of which stopped the pipeline or published something broken. */
export function issueDrafts(): HostileDraft[] {
  return [
    markdown('brackets-34', `A normal sentence. ${'['.repeat(34)}`),
    markdown('brackets-5000', `A normal sentence. ${'['.repeat(5_000)}`),
    markdown(
      'short-sentences-295kb',
      fill((i) => `Item ${i} is up.`, 295_000),
    ),
    markdown('title-ffff', 'Body text.', 'title: "Markets \\uFFFF\\uFFFE rally"\nsection: World'),
    markdown('section-zero-width', 'Body text.', 'title: A story\nsection: "World\\u200B"'),
    markdown('slug-fullwidth', 'Body text.', `${FRONT}\nslug: ａｄｍｉｎ`),
    markdown('slug-marks-only', 'Body text.', `${FRONT}\nslug: "\\u0301\\u0302"`),
    markdown('publish-at-9999', 'Body text.', `${FRONT}\npublishAt: 9999-12-31T23:59:59.999Z`),
  ];
}

/** Generated adversarial shapes, each near the body limit unless the shape needs less. */
export function adversarialDrafts(): HostileDraft[] {
  const words = ['budget', 'rail', 'tax', 'vote', 'council', 'minister', 'plan', 'talks'];
  return [
    markdown('nested-brackets', `${'['.repeat(50_000)}x${']'.repeat(50_000)}(u)`),
    markdown(
      'brackets-and-parens',
      fill(() => '[a](', BODY_MAX),
    ),
    markdown(
      'emphasis-runs',
      fill((i) => (i % 2 ? '*a _b' : '**c __d'), BODY_MAX),
    ),
    markdown(
      'backtick-runs',
      fill((i) => `${'`'.repeat((i % 40) + 1)}x`, BODY_MAX),
    ),
    markdown(
      'angle-brackets',
      fill(() => '<a <b', BODY_MAX),
    ),
    markdown(
      'entities',
      fill(() => '&amp;&#x1F600;&notanentity;', BODY_MAX),
    ),
    markdown('deep-quotes', `${'> '.repeat(100_000)}deep`),
    markdown('deep-lists', Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(Math.min(i * 2, 120))}- item ${i}`).join('\n')),
    markdown('reference-links', `${fill((i) => `[r${i}]`, BODY_MAX / 2)}\n\n${fill((i) => `[r${i}]: /u${i}`, BODY_MAX / 2 - 10, '\n')}`),
    markdown('table-rows', `| a | b |\n|---|---|\n${fill((i) => `| ${i} | x |`, BODY_MAX - 20, '\n')}`),
    markdown('one-long-line', 'x'.repeat(BODY_MAX - 10)),
    markdown(
      'one-long-sentence',
      fill((i) => words[i % words.length]!, BODY_MAX),
    ),
    markdown(
      'abbreviations',
      fill(() => 'Mr.', BODY_MAX),
    ),
    markdown(
      'many-distinct-words',
      fill((i) => `w${i.toString(36)}q`, BODY_MAX),
    ),
    markdown(
      'many-paragraphs',
      fill((i) => `Para ${i} says the ${words[i % words.length]} moved.`, BODY_MAX, '\n\n'),
    ),
    markdown('chinese-no-punctuation', '中美人工智能对话机制'.repeat(BODY_MAX / 10 - 1), 'title: 中美对话\nsection: World\nlanguage: zh'),
    markdown('yaml-aliases', 'Body.', `${FRONT}\ntags: &a [x, x, x, x, x, x, x, x, x]\ndek: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]`),
    markdown('yaml-deep-flow', 'Body.', `${FRONT}\ntags: ${'['.repeat(5_000)}${']'.repeat(5_000)}`),
    markdown('yaml-long-key', 'Body.', `${FRONT}\n${'k'.repeat(100_000)}: v`),
  ];
}

/** The largest drafts the limits allow: a body at its character limit of prose, English and Chinese. */
export function largestDrafts(): HostileDraft[] {
  const seedBody = normalDraft()
    .text.split(/\n---\n/)
    .slice(1)
    .join('\n---\n')
    .trim();
  const english = fill(() => seedBody, BODY_MAX, '\n\n');
  const chinese = fill((i) => `中国和美国同意建立政府间人工智能对话机制，第${i}轮会谈讨论风险管理。`, BODY_MAX, '');
  return [
    markdown('largest-english', english, 'title: A Digital Ceasefire\nsection: World\ndek: The longest draft allowed.'),
    markdown('largest-chinese', chinese, 'title: 中美人工智能对话\nsection: World\nlanguage: zh'),
  ];
}

/** Every draft above, the normal one first. */
export function allHostileDrafts(): HostileDraft[] {
  return [normalDraft(), ...issueDrafts(), ...adversarialDrafts(), ...largestDrafts()];
}
