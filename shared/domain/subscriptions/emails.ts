import type { AlertPayload } from '../../../events/alert-payload';
import { escapeHtml } from '../render/escape-html';

/** An email ready for the sender: both parts and any extra headers. */
export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly headers: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

/** The signed links an alert email carries for its recipient. */
export interface RecipientLinks {
  /** The preferences page (GET shows a form; changes are POSTs). */
  readonly preferencesUrl: string;
  /** The RFC 8058 one-click URL: a POST there unsubscribes at once. */
  readonly unsubscribeUrl: string;
}

// Inline styles only: mail clients drop <style> and external sheets. Colours are the site's light palette.
const FONT_SERIF = 'Charter,Georgia,"Times New Roman",serif';
const FONT_SANS = 'system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif';

function frame(publication: string, language: string, inner: string, footer: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(publication)}</title></head>
<body style="margin:0;padding:0;background:#f6f4ef;color:#1b1b1b">
<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;border-top:4px solid #a3161a">
<p style="margin:0 0 16px;font-family:${FONT_SERIF};font-size:20px;font-weight:bold">${escapeHtml(publication)}</p>
${inner}
<hr style="border:0;border-top:1px solid #d9d6cf;margin:24px 0 12px">
<p style="font-family:${FONT_SANS};font-size:13px;color:#575757;margin:0">${footer}</p>
</div>
</body>
</html>
`;
}

/**
 * The alert email of one story for one reader, in the site's look: section
 * kicker, headline, dek, key takeaways and a link to the story; a footer with
 * the preferences and unsubscribe links; `List-Unsubscribe` (the one-click
 * URL) and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
 */
export function renderAlertEmail(alert: AlertPayload, to: string, links: RecipientLinks, publication: string): OutgoingEmail {
  const subject = alert.breaking ? `Breaking: ${alert.title}` : alert.title;
  const takeaways = alert.takeaways.map((t) => `<li style="margin:0 0 6px">${escapeHtml(t)}</li>`).join('');
  const inner = `<p style="margin:0 0 4px;font-family:${FONT_SANS};font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:#a3161a">${alert.breaking ? 'Breaking · ' : ''}${escapeHtml(alert.section)}</p>
<h1 style="margin:0 0 8px;font-family:${FONT_SERIF};font-size:26px;line-height:1.2"><a href="${escapeHtml(alert.url)}" style="color:#1b1b1b;text-decoration:none">${escapeHtml(alert.title)}</a></h1>
${alert.dek ? `<p style="margin:0 0 16px;font-family:${FONT_SERIF};font-size:18px;color:#575757">${escapeHtml(alert.dek)}</p>` : ''}
${takeaways ? `<div style="background:#fbf6e9;border-left:4px solid #7a5500;padding:12px 16px;margin:0 0 16px"><p style="margin:0 0 8px;font-family:${FONT_SANS};font-weight:bold">Key takeaways</p><ul style="margin:0;padding-left:20px;font-family:${FONT_SERIF};font-size:16px">${takeaways}</ul></div>` : ''}
<p style="margin:0"><a href="${escapeHtml(alert.url)}" style="display:inline-block;background:#a3161a;color:#ffffff;padding:10px 16px;font-family:${FONT_SANS};text-decoration:none;border-radius:4px">Read the story</a></p>`;
  const footer = `You follow ${escapeHtml(alert.section)} news at ${escapeHtml(publication)}. <a href="${escapeHtml(links.preferencesUrl)}" style="color:#0a4d8c">Change what you get or unsubscribe</a>.`;
  const text = [
    `${alert.breaking ? 'BREAKING · ' : ''}${alert.section}`,
    '',
    alert.title,
    ...(alert.dek ? ['', alert.dek] : []),
    ...(alert.takeaways.length > 0 ? ['', 'Key takeaways:', ...alert.takeaways.map((t) => `- ${t}`)] : []),
    '',
    `Read the story: ${alert.url}`,
    '',
    '--',
    `Change what you get or unsubscribe: ${links.preferencesUrl}`,
  ].join('\n');
  return {
    to,
    subject,
    text,
    html: frame(publication, alert.language, inner, footer),
    headers: [
      { name: 'List-Unsubscribe', value: `<${links.unsubscribeUrl}>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ],
  };
}

/**
 * The double opt-in email: one link to the confirm page, whose button
 * confirms by POST (a scanner following the link confirms nothing).
 */
export function renderConfirmationEmail(to: string, confirmUrl: string, publication: string): OutgoingEmail {
  const inner = `<h1 style="margin:0 0 12px;font-family:${FONT_SERIF};font-size:24px">Confirm your subscription</h1>
<p style="font-family:${FONT_SERIF};font-size:17px">Someone, probably you, asked to receive news alerts from ${escapeHtml(publication)} at this address. Open the link and press the button to confirm.</p>
<p><a href="${escapeHtml(confirmUrl)}" style="display:inline-block;background:#a3161a;color:#ffffff;padding:10px 16px;font-family:${FONT_SANS};text-decoration:none;border-radius:4px">Confirm subscription</a></p>`;
  const footer = 'If you did not ask for this, ignore this email: nothing will be sent to you. The link expires in two days.';
  return {
    to,
    subject: `Confirm your ${publication} alerts`,
    text: [
      'Confirm your subscription',
      '',
      `Someone, probably you, asked to receive news alerts from ${publication} at this address.`,
      `Open this link and press the button to confirm: ${confirmUrl}`,
      '',
      'If you did not ask for this, ignore this email. The link expires in two days.',
    ].join('\n'),
    html: frame(publication, 'en', inner, footer),
    headers: [],
  };
}

/** Sent when a subscribed address signs up again: the page answered as for anyone, the way in comes by email. */
export function renderAlreadySubscribedEmail(to: string, preferencesUrl: string, publication: string): OutgoingEmail {
  const inner = `<h1 style="margin:0 0 12px;font-family:${FONT_SERIF};font-size:24px">You are already subscribed</h1>
<p style="font-family:${FONT_SERIF};font-size:17px">Someone asked to subscribe this address to ${escapeHtml(publication)} alerts again. You can change what you get, pause or unsubscribe here:</p>
<p><a href="${escapeHtml(preferencesUrl)}" style="display:inline-block;background:#a3161a;color:#ffffff;padding:10px 16px;font-family:${FONT_SANS};text-decoration:none;border-radius:4px">Your preferences</a></p>`;
  return {
    to,
    subject: `Your ${publication} alerts`,
    text: `You are already subscribed to ${publication} alerts.\nChange what you get, pause or unsubscribe: ${preferencesUrl}\n`,
    html: frame(publication, 'en', inner, 'If you did not ask for this, you can ignore this email.'),
    headers: [],
  };
}
