import type { ArticleSummary } from '../article';
import { escapeHtml } from './escape-html';
import { imageTag } from './image';
import { languageAttributes } from './language';
import { listRef } from './listing';
import { renderTime } from './time';
import { articleHref, encodePath, listPath } from './urls';

/** Stories after the lead shown with their deks at the top of a front page. */
export const TOP_STORIES = 4;
/** Stories in each section's block on the home front page. */
export const SECTION_BLOCK_SIZE = 4;
/**
 * Entries to read per section for its block: enough that the block is full
 * after leaving out the stories already in the lead and top stories.
 */
export const SECTION_BLOCK_READ = SECTION_BLOCK_SIZE + 1 + TOP_STORIES;

/** A section's latest stories, as read for its block on the home front page. */
export interface SectionBlock {
  /** Display name, e.g. `World`. */
  readonly name: string;
  /** Newest first; at least {@link SECTION_BLOCK_READ} when the section has that many. */
  readonly items: readonly ArticleSummary[];
}

/** What a front page (of the home page or of a section) shows. */
export interface FrontContent {
  /** The list's front entries, newest first: the lead, the top stories, then the "Latest" list. */
  readonly items: readonly ArticleSummary[];
  /** Section blocks (home only), in navigation order; empty sections are left out. */
  readonly blocks?: readonly SectionBlock[];
}

/** The "Breaking" mark beside a breaking story's section name. */
export function breakingBadge(breaking: boolean | undefined): string {
  return breaking ? '<span class="badge">Breaking</span> ' : '';
}

function kicker(item: ArticleSummary): string {
  return `<p class="kicker">${breakingBadge(item.breaking)}${escapeHtml(item.section)}</p>`;
}

function headline(item: ArticleSummary): string {
  return `<h2><a href="${escapeHtml(articleHref(item.slug))}">${escapeHtml(item.title)}</a></h2>`;
}

function lead(item: ArticleSummary): string {
  const image = item.image ? imageTag(item.image, 'eager', 'lead-image') : undefined;
  return `<article class="lead"${languageAttributes(item.language)}>
${image ?? ''}${kicker(item)}
${headline(item)}
${item.dek ? `<p class="dek">${escapeHtml(item.dek)}</p>\n` : ''}<p class="meta">${item.byline ? `${escapeHtml(item.byline)} · ` : ''}${renderTime(item.publishedAt, item.language)}</p>
</article>`;
}

function topStory(item: ArticleSummary): string {
  const image = item.image ? imageTag(item.image, 'lazy', 'thumb') : undefined;
  return `<li><article${languageAttributes(item.language)}>
${image ?? ''}${kicker(item)}
${headline(item)}
${item.dek ? `<p class="dek">${escapeHtml(item.dek)}</p>\n` : ''}<p class="meta">${renderTime(item.publishedAt, item.language)}</p>
</article></li>`;
}

function latestItem(item: ArticleSummary, showSection: boolean): string {
  const section = showSection ? `${escapeHtml(item.section)} · ` : '';
  return `<li${languageAttributes(item.language)}>${breakingBadge(item.breaking)}<a href="${escapeHtml(articleHref(item.slug))}">${escapeHtml(item.title)}</a> <span class="meta">${section}${renderTime(item.publishedAt, item.language)}</span></li>`;
}

function block(section: SectionBlock, shown: ReadonlySet<string>): string {
  const items = section.items.filter((item) => !shown.has(item.id)).slice(0, SECTION_BLOCK_SIZE);
  if (items.length === 0) return '';
  const { slug } = listRef('section', section.name);
  const id = escapeHtml(`block-${slug}`);
  const links = items
    .map(
      (item) =>
        `<li${languageAttributes(item.language)}>${breakingBadge(item.breaking)}<a href="${escapeHtml(articleHref(item.slug))}">${escapeHtml(item.title)}</a></li>`,
    )
    .join('\n');
  return `<section class="block" aria-labelledby="${id}">
<h2 id="${id}"><a href="${escapeHtml(encodePath(listPath('section', slug)))}">${escapeHtml(section.name)}</a></h2>
<ol>
${links}
</ol>
</section>`;
}

/**
 * The body of a front page below its heading: the newest story as the lead
 * (with its image, dek and byline), the next {@link TOP_STORIES} with deks
 * (and a lazily loaded thumbnail when they have an image), one block per
 * section with its latest stories not already shown (home only), and the
 * remaining front entries as a compact "Latest" list. Breaking stories carry
 * a "Breaking" mark. Empty string when there are no items.
 */
export function renderFrontBody(content: FrontContent, showSection: boolean): string {
  const [first, ...rest] = content.items;
  if (!first) return '';
  const top = rest.slice(0, TOP_STORIES);
  const latest = rest.slice(TOP_STORIES);
  const shown = new Set([first.id, ...top.map((item) => item.id)]);
  let html = `<div class="front-top">\n${lead(first)}`;
  if (top.length > 0) html += `\n<ol class="top-stories">\n${top.map(topStory).join('\n')}\n</ol>`;
  html += '\n</div>';
  const blocks = (content.blocks ?? []).map((section) => block(section, shown)).filter(Boolean);
  if (blocks.length > 0) html += `\n<div class="blocks">\n${blocks.join('\n')}\n</div>`;
  if (latest.length > 0) {
    html += `\n<section class="latest" aria-labelledby="latest-title">
<h2 id="latest-title">Latest</h2>
<ol>
${latest.map((item) => latestItem(item, showSection)).join('\n')}
</ol>
</section>`;
  }
  return html;
}
