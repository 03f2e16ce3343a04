import { describe, expect, it } from 'vitest';
import type { AlertPayload } from '../../../../events/alert-payload';
import { renderAlertEmail, renderConfirmationEmail } from '../../../../shared/domain/subscriptions/emails';

const alert: AlertPayload = {
  alertId: 'a1#1',
  title: 'Council <approves> plan',
  dek: 'Three new bus lines & more',
  takeaways: ['Buses every 10 minutes.', 'Cycling lanes extended.'],
  url: 'https://news.example/articles/council-approves-plan/',
  section: 'World',
  tags: ['Transport'],
  breaking: true,
  language: 'en',
};
const links = {
  preferencesUrl: 'https://news.example/api/subscriptions/preferences?token=t1',
  unsubscribeUrl: 'https://news.example/api/subscriptions/unsubscribe?token=t1',
};

describe('the alert email', () => {
  const email = renderAlertEmail(alert, 'reader@example.com', links, 'The Newsroom');

  it('carries RFC 8058 one-click unsubscribe headers pointing at the signed POST URL', () => {
    expect(email.headers).toEqual([
      { name: 'List-Unsubscribe', value: `<${links.unsubscribeUrl}>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ]);
  });

  it('has an HTML part with the section, headline, dek, takeaways and link, escaped', () => {
    expect(email.subject).toBe('Breaking: Council <approves> plan');
    expect(email.html).toContain('Council &lt;approves&gt; plan');
    expect(email.html).not.toContain('<approves>');
    expect(email.html).toContain('Three new bus lines &amp; more');
    expect(email.html).toContain('<li style="margin:0 0 6px">Buses every 10 minutes.</li>');
    expect(email.html).toContain(`href="${alert.url}"`);
    expect(email.html).toContain('Breaking · World');
    expect(email.html).toContain(links.preferencesUrl);
  });

  it('has a plain-text part with the same content and the preferences link', () => {
    expect(email.text).toContain('Council <approves> plan');
    expect(email.text).toContain('- Cycling lanes extended.');
    expect(email.text).toContain(`Read the story: ${alert.url}`);
    expect(email.text).toContain(links.preferencesUrl);
  });
});

describe('the confirmation email', () => {
  it('links to the confirm page and says nothing is sent without confirming', () => {
    const email = renderConfirmationEmail('new@example.com', 'https://news.example/api/subscriptions/confirm?token=x', 'The Newsroom');
    expect(email.text).toContain('https://news.example/api/subscriptions/confirm?token=x');
    expect(email.html).toContain('href="https://news.example/api/subscriptions/confirm?token=x"');
    expect(email.headers).toEqual([]);
  });
});
