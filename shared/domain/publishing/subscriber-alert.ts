import { ALERT_ATTRIBUTES } from '../../../events/names';
import type { AlertMessage, PushPayload } from '../../../events/alert-message';
import type { AlertPayload } from '../../../events/alert-payload';
import { articlePath, type Article } from '../article';

/** A subscriber alert ready for the alerts topic. */
export interface SubscriberAlert {
  readonly subject: string;
  readonly message: AlertMessage;
  readonly attributes: Record<string, string | boolean | readonly string[]>;
}

/** The absolute URL of an article's page. */
export function articleUrl(siteUrl: string, slug: string): string {
  return `${siteUrl}${encodeURI(articlePath(slug))}`;
}

/**
 * Builds the per-protocol alert for an article: an e-mail (headline, dek,
 * takeaways, link), APNs and FCM push payloads, the alert queue's payload (for the
 * SES and web-push senders), whose collapse id names the
 * section and article so two different stories never collapse into one, and
 * the attributes that subscription filter policies match on.
 */
export function buildSubscriberAlert(
  article: Pick<Article, 'id' | 'version' | 'slug' | 'title' | 'dek' | 'takeaways' | 'section' | 'tags' | 'breaking' | 'language'>,
  siteUrl: string,
): SubscriberAlert {
  const url = articleUrl(siteUrl, article.slug);
  const title = article.breaking ? `Breaking: ${article.title}` : article.title;
  const summary = article.dek ?? article.takeaways[0] ?? '';
  const email = [
    article.title,
    '',
    ...(article.dek ? [article.dek, ''] : []),
    'Key takeaways:',
    ...article.takeaways.map((takeaway) => `- ${takeaway}`),
    '',
    `Read more: ${url}`,
  ].join('\n');
  const push: PushPayload = {
    title,
    body: summary.length > 178 ? `${summary.slice(0, 177)}…` : summary,
    url,
    collapseId: `${article.section}:${article.id}`.slice(0, 64),
  };
  const apns = JSON.stringify({
    aps: { alert: { title: push.title, body: push.body }, 'thread-id': article.section },
    url: push.url,
    collapseId: push.collapseId,
  });
  const payload: AlertPayload = {
    alertId: `${article.id}#${article.version}`,
    title: article.title,
    ...(article.dek ? { dek: article.dek } : {}),
    takeaways: [...article.takeaways],
    url,
    section: article.section,
    tags: [...article.tags],
    breaking: article.breaking,
    language: article.language,
  };
  return {
    subject: title,
    message: {
      default: `${title} ${url}`,
      email,
      APNS: apns,
      APNS_SANDBOX: apns,
      GCM: JSON.stringify({
        notification: { title: push.title, body: push.body, tag: push.collapseId },
        data: { url: push.url, collapseId: push.collapseId },
      }),
      sqs: JSON.stringify(payload),
    },
    attributes: {
      [ALERT_ATTRIBUTES.section]: article.section,
      [ALERT_ATTRIBUTES.tags]: article.tags,
      [ALERT_ATTRIBUTES.breaking]: article.breaking,
      [ALERT_ATTRIBUTES.language]: article.language,
    },
  };
}
