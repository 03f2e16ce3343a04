import { renderDocument } from './layout';
import { htmlFile, type RenderedFile, type SiteConfig } from './site-config';
import { escapeHtml } from './escape-html';
import { articleHref, articleKey, articleUrl } from './urls';

/** Renders the notice that replaces a withdrawn article's page (same key), answered with 410 Gone and kept out of search indexes. */
export function renderWithdrawnPage(slug: string, site: SiteConfig): RenderedFile {
  const main = `<div class="measure">
<h1>Article withdrawn</h1>
<p>This article has been withdrawn by the editors and is no longer available.</p>
<p><a href="/">Go to the latest articles</a></p>
</div>`;
  const body = renderDocument(
    { language: 'en', title: `Article withdrawn | ${site.publication}`, extraHead: '<meta name="robots" content="noindex">', main },
    site,
  );
  return htmlFile(articleKey(slug), body, { status: 410 });
}

/**
 * Renders what stays at an article's old address after its slug changed: the
 * edge answers 301 to the new address; the body is a plain link for any
 * client that shows it.
 */
export function renderMovedPage(oldSlug: string, newSlug: string, site: SiteConfig): RenderedFile {
  const href = escapeHtml(articleHref(newSlug));
  const main = `<div class="measure">
<h1>This article has moved</h1>
<p><a href="${href}">Continue to the article</a></p>
</div>`;
  const body = renderDocument(
    {
      language: 'en',
      title: `Article moved | ${site.publication}`,
      extraHead: `<meta name="robots" content="noindex"><link rel="canonical" href="${escapeHtml(articleUrl(newSlug, site))}">`,
      main,
    },
    site,
  );
  return htmlFile(articleKey(oldSlug), body, { status: 301, location: articleHref(newSlug) });
}
