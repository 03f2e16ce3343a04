import { SUBSCRIPTION_PATHS } from '../../../events/subscriber-names';
import { escapeHtml } from './escape-html';
import { pushOptInHref } from './push-scripts';
import { renderDocument } from './layout';
import { htmlFile, type RenderedFile, type SiteConfig } from './site-config';

/** What the preferences page shows. */
export interface PreferencesView {
  readonly token: string;
  readonly sections: readonly string[];
  readonly tags: readonly string[];
  readonly breakingOnly: boolean;
  readonly paused: boolean;
}

const page = (site: SiteConfig, title: string, main: string) =>
  renderDocument({ language: 'en', title: `${title} | ${site.publication}`, extraHead: '<meta name="robots" content="noindex">', main }, site);

function choiceFields(sections: readonly string[], tags: readonly string[], breakingOnly: boolean): string {
  return `<p><label for="sections">Sections to follow</label><br>
<input id="sections" name="sections" type="text" value="${escapeHtml(sections.join(', '))}" aria-describedby="sections-hint" size="40">
<br><small id="sections-hint">Comma-separated, e.g. World, Business. Leave empty for every section.</small></p>
<p><label for="tags">Tags to follow</label><br>
<input id="tags" name="tags" type="text" value="${escapeHtml(tags.join(', '))}" aria-describedby="tags-hint" size="40">
<br><small id="tags-hint">Comma-separated, e.g. AI, Climate.</small></p>
<p><input id="breaking" name="breaking" type="checkbox"${breakingOnly ? ' checked' : ''}> <label for="breaking">Breaking news only</label></p>`;
}

/**
 * The sign-up page (`subscribe/index.html`): a plain form that posts to the
 * subscription API and works without JavaScript; a deferred script adds the
 * browser-notification button where the browser supports Web Push.
 */
export function renderSubscribePage(site: SiteConfig): RenderedFile {
  const main = `<div class="measure">
<h1>Get news alerts</h1>
<p>We email you when we publish a story you follow. We keep only your address and your choices, and every email has a one-click unsubscribe link.</p>
<form method="post" action="${SUBSCRIPTION_PATHS.subscribe}">
<p><label for="email">Email address</label><br>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="254" size="40"></p>
${choiceFields([], [], false)}
<p><button type="submit">Subscribe</button></p>
</form>
<p>We will send you an email to confirm. Nothing is sent until you do.</p>
<p data-push hidden><button type="button">Get browser notifications</button> <span data-push-status role="status"></span></p>
</div>`;
  const body = renderDocument(
    {
      language: 'en',
      title: `Get news alerts | ${site.publication}`,
      description: 'Sign up for email alerts and browser notifications.',
      main,
      scripts: [pushOptInHref()],
    },
    site,
  );
  return htmlFile(`${SUBSCRIPTION_PATHS.subscribePage.replace(/^\//, '')}index.html`, body);
}

/** A short answer page: a heading and a few sentences, with a link home. */
export function renderMessagePage(site: SiteConfig, title: string, paragraphs: readonly string[]): string {
  return page(
    site,
    title,
    `<div class="measure">
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="/">Go to the latest articles</a></p>
</div>`,
  );
}

/** The page a confirmation link opens: one button that confirms by POST (scanners only GET). */
export function renderConfirmPage(site: SiteConfig, token: string): string {
  return page(
    site,
    'Confirm your subscription',
    `<div class="measure">
<h1>Confirm your subscription</h1>
<p>Press the button to start receiving alerts from ${escapeHtml(site.publication)}.</p>
<form method="post" action="${SUBSCRIPTION_PATHS.confirm}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<p><button type="submit">Confirm subscription</button></p>
</form>
</div>`,
  );
}

/** The preferences page every alert links to: change what you follow, pause or resume, unsubscribe. */
export function renderPreferencesPage(site: SiteConfig, view: PreferencesView): string {
  const hidden = `<input type="hidden" name="token" value="${escapeHtml(view.token)}">`;
  return page(
    site,
    'Your alert preferences',
    `<div class="measure">
<h1>Your alert preferences</h1>
${view.paused ? '<p><strong>Alerts are paused.</strong></p>' : ''}
<form method="post" action="${SUBSCRIPTION_PATHS.preferences}">
${hidden}
${choiceFields(view.sections, view.tags, view.breakingOnly)}
<p><button type="submit" name="action" value="save">Save preferences</button></p>
</form>
<form method="post" action="${SUBSCRIPTION_PATHS.preferences}">
${hidden}
<p><button type="submit" name="action" value="${view.paused ? 'resume' : 'pause'}">${view.paused ? 'Resume alerts' : 'Pause alerts'}</button>
<button type="submit" name="action" value="unsubscribe">Unsubscribe</button></p>
</form>
</div>`,
  );
}
