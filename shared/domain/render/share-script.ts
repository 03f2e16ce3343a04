import { contentHash } from './stylesheet';
import { IMMUTABLE_CACHE_CONTROL, type RenderedFile } from './site-config';

/**
 * Progressive enhancement of the "Copy link" share link: without script it is a
 * plain link to the page; with it, a click copies the URL and says so in a live region.
 */
export const SHARE_JS = `(function(){var a=document.querySelector('a[data-copy-link]');if(!a||!navigator.clipboard)return;var s=document.querySelector('[data-copy-status]');a.addEventListener('click',function(e){e.preventDefault();navigator.clipboard.writeText(a.href).then(function(){if(s)s.textContent='Link copied';},function(){if(s)s.textContent='Copy failed: select the link to copy it';});});})();
`;

const SHARE_SCRIPT: RenderedFile = {
  key: `assets/share.${contentHash(SHARE_JS)}.js`,
  body: SHARE_JS,
  contentType: 'text/javascript; charset=utf-8',
  cacheControl: IMMUTABLE_CACHE_CONTROL,
};

/** The share script as an immutable, content-addressed file (`assets/share.<hash>.js`). */
export function shareScript(): RenderedFile {
  return SHARE_SCRIPT;
}

/** Root-relative URL of the share script. */
export function shareScriptHref(): string {
  return `/${SHARE_SCRIPT.key}`;
}
