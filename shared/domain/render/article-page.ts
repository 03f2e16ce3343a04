import type { Article, ArticleImage, ArticleAnalysis, RelatedLink } from '../article';
import { escapeHtml } from './escape-html';
import { renderDocument } from './layout';
import { renderMarkdown } from './markdown';
import { breakingBadge } from './front-page';
import { imageSrc, imageTag } from './image';
import { htmlFile, type RenderedFile, type SiteConfig } from './site-config';
import { listRef } from './listing';
import { shareScriptHref } from './share-script';
import { jsonString } from './social-meta';
import { renderTime } from './time';
import { articleHref, articleKey, articleUrl, encodePath, listPath, shareLinks } from './urls';
import { renderCache } from './render-caches';

/** Text shown in the Related Articles block when there are none. */
export const NO_RELATED_TEXT = 'No related articles found';

/** The label over fill links: recent stories of the article's section shown when too few close matches exist. */
export function moreInSectionLabel(section: string): string {
  return `More in ${section}`;
}

// Section, tag and byline links repeat on thousands of pages; slugging and encoding them is comparatively costly.
const listHrefs = { section: renderCache<string, string>(), tag: renderCache<string, string>(), author: renderCache<string, string>() };

/** The escaped `href` of the section, tag or author page of `name`. */
function listHref(kind: keyof typeof listHrefs, name: string): string {
  const known = listHrefs[kind];
  let href = known.get(name);
  if (href === undefined) {
    href = escapeHtml(encodePath(listPath(kind, listRef(kind, name).slug)));
    if (known.size > 10_000) known.clear();
    known.set(name, href);
  }
  return href;
}

function renderFigcaption(image: ArticleImage): string {
  const parts = [
    image.caption ? escapeHtml(image.caption) : '',
    image.credit ? `<span class="credit">${escapeHtml(image.credit)}</span>` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `<figcaption>${parts.join(' ')}</figcaption>` : '';
}

function renderFigure(image: ArticleImage): string {
  // The figure sits under the headline, above the fold: loaded eagerly.
  const img = imageTag(image, 'eager');
  const media = img ?? `<p class="figure-description">${escapeHtml(image.alt)}</p>`;
  const kind = img === undefined ? 'figure figure-text' : 'figure';
  return `<figure class="${kind}">${media}${renderFigcaption(image)}</figure>`;
}

function renderTakeaways(takeaways: readonly string[]): string {
  if (takeaways.length === 0) return '';
  const items = takeaways.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n');
  return `<section class="takeaways" aria-labelledby="takeaways-title">
<h2 id="takeaways-title">Key Takeaways</h2>
<ol>
${items}
</ol>
</section>`;
}

function renderAnalysis(analysis: ArticleAnalysis): string {
  const heading = analysis.title
    ? `<p class="label">${escapeHtml(analysis.label)}</p>\n<h2 id="analysis-title">${escapeHtml(analysis.title)}</h2>`
    : `<h2 id="analysis-title" class="label">${escapeHtml(analysis.label)}</h2>`;
  return `<aside class="analysis" aria-labelledby="analysis-title">
${heading}
<div class="analysis-body">
${renderMarkdown(analysis.body, { minHeadingLevel: 3 })}</div>
</aside>`;
}

function renderBylineBlock(article: Article, publication: string): string {
  const updated = article.updatedAt !== article.publishedAt ? ` · Updated ${renderTime(article.updatedAt, article.language)}` : '';
  return `<div class="byline-block">
${article.byline ? `<p class="byline"><a href="${listHref('author', article.byline)}">${escapeHtml(article.byline)}</a></p>\n` : ''}<p class="publication">${escapeHtml(publication)}</p>
<p class="meta">Published ${renderTime(article.publishedAt, article.language)}${updated}</p>
</div>`;
}

function renderTags(tags: readonly string[]): string {
  if (tags.length === 0) return '';
  const items = tags.map((tag) => `<li><a href="${listHref('tag', tag)}">${escapeHtml(tag)}</a></li>`);
  return `<ul class="tags" aria-label="Tags">${items.join('')}</ul>`;
}

function renderShare(url: string, title: string): string {
  const items = shareLinks(url, title)
    .map(({ network, label, href }) => {
      // Every share link but "Copy link" and email goes to another site.
      const rel = network === 'copy' || network === 'email' ? '' : ' rel="noopener noreferrer"';
      const copy = network === 'copy' ? ' data-copy-link' : '';
      return `<li><a class="share-${network}" href="${escapeHtml(href)}"${rel}${copy}>${escapeHtml(label)}</a></li>`;
    })
    .join('\n');
  return `<section class="share" aria-labelledby="share-title">
<h2 id="share-title">Share Article</h2>
<ul>
${items}
</ul>
<p class="copy-status" role="status" data-copy-status></p>
</section>`;
}

function renderLinks(links: readonly RelatedLink[]): string {
  return `<ol>\n${links
    .map(
      (link) =>
        `<li><a href="${escapeHtml(articleHref(link.slug))}">${escapeHtml(link.title)}</a>` +
        ` <span class="section-name">${escapeHtml(link.section)}</span></li>`,
    )
    .join('\n')}\n</ol>`;
}

/** Close matches first; fill links (recent stories of the section) under their own "More in <section>" label. */
function renderRelated(related: readonly RelatedLink[], section: string): string {
  const matches = related.filter((link) => !link.fill);
  const fill = related.filter((link) => link.fill);
  const parts = [
    related.length === 0 ? `<p class="empty">${NO_RELATED_TEXT}</p>` : '',
    matches.length > 0 ? renderLinks(matches) : '',
    fill.length > 0 ? `<h3>${escapeHtml(moreInSectionLabel(section))}</h3>\n${renderLinks(fill)}` : '',
  ].filter(Boolean);
  return `<section id="related" class="related measure" aria-labelledby="related-title">
<h2 id="related-title">Related Articles</h2>
${parts.join('\n')}
</section>`;
}

function absoluteUrl(url: string, base: string): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

function metaProperty(property: string, content: string | undefined): string {
  return content === undefined || content === '' ? '' : `<meta property="${property}" content="${escapeHtml(content)}">\n`;
}

function renderSocialMeta(article: Article, url: string, publication: string): string {
  const src = article.image ? imageSrc(article.image) : undefined;
  const imageUrl = src === undefined ? undefined : absoluteUrl(src, url);
  const title = escapeHtml(article.title);
  const tags =
    '<meta property="og:type" content="article">\n' +
    metaProperty('og:site_name', publication) +
    (title === '' ? '' : `<meta property="og:title" content="${title}">\n`) +
    metaProperty('og:description', article.dek) +
    metaProperty('og:url', url) +
    metaProperty('og:image', imageUrl) +
    metaProperty('og:image:alt', imageUrl ? article.image?.alt : undefined) +
    metaProperty('article:published_time', article.publishedAt) +
    metaProperty('article:modified_time', article.updatedAt) +
    metaProperty('article:section', article.section);
  const twitter =
    `<meta name="twitter:card" content="${imageUrl ? 'summary_large_image' : 'summary'}">\n` +
    `<meta name="twitter:title" content="${title}">` +
    (article.dek ? `\n<meta name="twitter:description" content="${escapeHtml(article.dek)}">` : '');
  // Written out rather than JSON.stringify of an object: this runs for every article and is several times faster.
  const u = jsonString(url);
  const jsonLd =
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",' +
    `"headline":${jsonString(article.title)}` +
    (article.dek === undefined ? '' : `,"description":${jsonString(article.dek)}`) +
    `,"datePublished":${jsonString(article.publishedAt)},"dateModified":${jsonString(article.updatedAt)}` +
    `,"articleSection":${jsonString(article.section)}` +
    (article.tags.length > 0 ? `,"keywords":${jsonString(article.tags.join(', '))}` : '') +
    `,"inLanguage":${jsonString(article.language)},"mainEntityOfPage":${u},"url":${u}` +
    (imageUrl ? `,"image":[${jsonString(imageUrl)}]` : '') +
    (article.byline ? `,"author":[{"@type":"Person","name":${jsonString(article.byline)}}]` : '') +
    `,"publisher":{"@type":"Organization","name":${jsonString(publication)}}}</script>`;
  return `${tags}${twitter}\n${jsonLd}`;
}

/**
 * Renders an article's page (key `articles/<slug>/index.html`) with every part
 * of the reference page: section, headline, dek, image (or its description),
 * Key Takeaways, the analysis box, byline, publication, times, correction
 * note, body, tags, Share Article links and Related Articles in rank order.
 * The publication defaults to `site.publication`. Every field is escaped;
 * the body and analysis are rendered with {@link renderMarkdown}. With
 * `preview`, the page goes to `preview.key` instead, says it is an
 * unpublished preview and until when, is `noindex`, has no canonical link or
 * social tags, and is never cached.
 */
export function renderArticlePage(article: Article, site: SiteConfig, preview?: ArticlePreview): RenderedFile {
  const url = articleUrl(article.slug, site);
  const publication = article.publication ?? site.publication;
  const correction = article.correction
    ? `<p class="correction" role="note"><strong>Correction:</strong> ${escapeHtml(article.correction)}</p>\n`
    : '';
  const banner = preview
    ? `<p class="preview-note measure" role="note"><strong>Preview</strong>, not published: only people with this link can see it, until ${renderTime(preview.expiresAt, 'en')}.</p>\n`
    : '';
  const main = `${banner}<article class="measure">
<header>
<p class="kicker">${breakingBadge(article.breaking)}<a href="${listHref('section', article.section)}">${escapeHtml(article.section)}</a></p>
<h1>${escapeHtml(article.title)}</h1>
${article.dek ? `<p class="dek">${escapeHtml(article.dek)}</p>` : ''}
</header>
${article.image ? renderFigure(article.image) : ''}
${renderTakeaways(article.takeaways)}
${article.analysis ? renderAnalysis(article.analysis) : ''}
${renderBylineBlock(article, publication)}
${correction}<div class="article-body">
${renderMarkdown(article.body, { minHeadingLevel: 2 })}</div>
<footer>
${renderTags(article.tags)}
${renderShare(url, article.title)}
</footer>
</article>
${renderRelated(article.related, article.section)}`;
  const body = renderDocument(
    {
      language: article.language,
      title: `${preview ? 'Preview: ' : ''}${article.title} | ${publication}`,
      description: article.dek ?? article.takeaways[0] ?? article.title,
      canonicalUrl: preview ? undefined : url,
      extraHead: preview ? '<meta name="robots" content="noindex, nofollow">' : renderSocialMeta(article, url, publication),
      feeds: [{ title: `${site.publication}: ${article.section}`, sectionSlug: listRef('section', article.section).slug }],
      scripts: [shareScriptHref()],
      main,
    },
    site,
  );
  return preview ? { ...htmlFile(preview.key, body), cacheControl: PREVIEW_CACHE_CONTROL } : htmlFile(articleKey(article.slug), body);
}

/** Where and until when an article is rendered as a preview. */
export interface ArticlePreview {
  /** Site bucket key of the preview page. */
  readonly key: string;
  /** ISO 8601 instant the preview stops answering. */
  readonly expiresAt: string;
}

/** Cache-Control of a preview page: never stored by the CDN or the browser, so an expired preview is never served from a cache. */
export const PREVIEW_CACHE_CONTROL = 'private, no-store';
