import type { ArticleSummary } from '../article';
import { escapeHtml } from './escape-html';
import { languageAttributes } from './language';
import { renderDocument } from './layout';
import { htmlFile, type RenderedFile, type SiteConfig } from './site-config';
import { renderTime } from './time';
import { articleHref } from './urls';

/** Text shown on the home page when no article is published. */
export const NO_ARTICLES_TEXT = 'No articles published yet';

function renderItem(item: ArticleSummary): string {
  return `<li><article${languageAttributes(item.language)}>
<p class="kicker">${escapeHtml(item.section)}</p>
<h2><a href="${escapeHtml(articleHref(item.slug))}">${escapeHtml(item.title)}</a></h2>
${item.dek ? `<p class="dek">${escapeHtml(item.dek)}</p>\n` : ''}<p class="meta">${item.byline ? `${escapeHtml(item.byline)} · ` : ''}${renderTime(item.publishedAt, item.language)}</p>
</article></li>`;
}

/**
 * Renders the home page (key `index.html`): the latest articles in the order
 * given (callers pass latest first), each with its section, headline link,
 * dek, byline and publication time; {@link NO_ARTICLES_TEXT} when empty.
 */
export function renderHomePage(items: readonly ArticleSummary[], site: SiteConfig): RenderedFile {
  const list =
    items.length === 0
      ? `<p class="empty">${NO_ARTICLES_TEXT}</p>`
      : `<ol class="article-list">\n${items.map(renderItem).join('\n')}\n</ol>`;
  const main = `<div class="measure">
<h1>Latest articles</h1>
${list}
</div>`;
  const body = renderDocument(
    {
      language: 'en',
      title: site.publication,
      description: `The latest articles from ${site.publication}.`,
      canonicalUrl: `${site.baseUrl}/`,
      main,
    },
    site,
  );
  return htmlFile('index.html', body);
}
