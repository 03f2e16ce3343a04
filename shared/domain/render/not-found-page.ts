import { renderDocument } from './layout';
import { htmlFile, type RenderedFile, type SiteConfig } from './site-config';

/** Renders the not-found page (key `404.html`), kept out of search indexes, with a link home. */
export function renderNotFoundPage(site: SiteConfig): RenderedFile {
  const main = `<div class="measure">
<h1>Page not found</h1>
<p>The page you asked for does not exist or is no longer available.</p>
<p><a href="/">Go to the latest articles</a></p>
</div>`;
  const body = renderDocument(
    {
      language: 'en',
      title: `Page not found | ${site.publication}`,
      extraHead: '<meta name="robots" content="noindex">',
      main,
    },
    site,
  );
  return htmlFile('404.html', body);
}
