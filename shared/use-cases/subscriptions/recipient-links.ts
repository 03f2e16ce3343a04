import { SUBSCRIPTION_PATHS } from '../../../events/subscriber-names';
import type { RecipientLinks } from '../../domain/subscriptions/emails';
import { issueToken } from '../../domain/subscriptions/signed-token';

/** The signed preferences page URL of a reader. */
export function preferencesUrl(siteUrl: string, id: string, secret: string, now: Date): string {
  return `${siteUrl}${SUBSCRIPTION_PATHS.preferences}?token=${issueToken('manage', id, secret, now)}`;
}

/** The preferences and one-click unsubscribe links of one alert email (one token, signed once). */
export function recipientLinks(siteUrl: string, id: string, secret: string, now: Date): RecipientLinks {
  const token = issueToken('manage', id, secret, now);
  return {
    preferencesUrl: `${siteUrl}${SUBSCRIPTION_PATHS.preferences}?token=${token}`,
    unsubscribeUrl: `${siteUrl}${SUBSCRIPTION_PATHS.unsubscribe}?token=${token}`,
  };
}
