import type * as z from '../../../events/zod';
import {
  ONE_CLICK_BODY,
  preferencesFormSchema,
  deviceRegistrationSchema,
  pushRegistrationSchema,
  pushRemovalSchema,
  subscribeFormSchema,
  tokenFormSchema,
} from '../../../events/subscription-forms';
import { SUBSCRIPTION_PATHS } from '../../../events/subscriber-names';
import type { DeviceRegistry } from '../../adapters/device-registry';
import type { EmailSender } from '../../adapters/email-sender';
import { pushIdFor, type PushSubscriptionStore } from '../../adapters/push-subscription-store';
import type { RateLimiter, RateRule } from '../../adapters/rate-limiter';
import type { SubscriberStore } from '../../adapters/subscriber-store';
import { renderConfirmPage, renderMessagePage, renderPreferencesPage } from '../../domain/render/subscription-pages';
import { HTML_CONTENT_TYPE, type SiteConfig } from '../../domain/render/site-config';
import { FilterPolicyLimitError } from '../../domain/subscriptions/alert-filter-policy';
import { renderAlreadySubscribedEmail, renderConfirmationEmail } from '../../domain/subscriptions/emails';
import { MAX_FOLLOWS, normalizeEmail, splitList, type ReaderPreferences } from '../../domain/subscriptions/interests';
import { issueToken, subscriberIdFor, verifyToken, type TokenPurpose } from '../../domain/subscriptions/signed-token';
import { preferencesUrl } from './recipient-links';

/** An HTTP request to the subscription API, decoded from whatever carried it. */
export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly contentType?: string;
  readonly body: string;
  /** The viewer's address (CloudFront-Viewer-Address on AWS, the socket locally). */
  readonly clientIp: string;
}

/** What the API answers. */
export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What the subscription API needs. */
export interface SubscriptionApiDependencies {
  readonly store: SubscriberStore;
  readonly limiter: RateLimiter;
  readonly mailer: EmailSender;
  readonly secret: () => Promise<string>;
  readonly site: SiteConfig;
  readonly now: () => Date;
  /** App devices (SNS platform endpoints); without it, or for a platform the stage has no application for, `/api/devices` answers 404. */
  readonly devices?: DeviceRegistry;
  /** Browser subscriptions and the VAPID public key; without them the push routes answer 404. */
  readonly push?: { readonly store: PushSubscriptionStore; readonly publicKey: string };
}

/** The request limits, the same locally and on AWS (where stage throttling caps the total too). */
export const RATE_RULES = {
  /** Requests from one client to the API. */
  perClient: { name: 'client', limit: 30, windowSeconds: 600 },
  /** Sign-ups (and so confirmation emails) for one address. */
  perAddress: { name: 'address', limit: 3, windowSeconds: 3600 },
} as const satisfies Record<string, RateRule>;

const NO_STORE = { 'cache-control': 'no-store' };
const html = (status: number, body: string): ApiResponse => ({ status, headers: { 'content-type': HTML_CONTENT_TYPE, ...NO_STORE }, body });

const json = (status: number, body: unknown): ApiResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...NO_STORE },
  body: JSON.stringify(body),
});
const notFound = (): ApiResponse => ({ status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', ...NO_STORE }, body: 'Not found' });

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function readForm(request: ApiRequest): Record<string, string> {
  if (request.contentType?.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(request.body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : String(v ?? '')]));
      }
    } catch {
      // Falls through to an empty form, which fails validation.
    }
    return {};
  }
  return Object.fromEntries(new URLSearchParams(request.body));
}

function preferencesFrom(form: { sections?: string | undefined; tags?: string | undefined; breaking?: string | undefined }): ReaderPreferences {
  return {
    sections: splitList(form.sections).slice(0, MAX_FOLLOWS),
    tags: splitList(form.tags).slice(0, MAX_FOLLOWS),
    breakingOnly: form.breaking === 'on' || form.breaking === 'true',
  };
}

/**
 * Serves the subscription API under `/api/`: sign-up (always the same answer,
 * whether or not the address was known), the confirm page and its POST, the
 * preferences page and its POSTs, and the RFC 8058 one-click unsubscribe.
 * Links act only on POST; every request counts against the per-client limit.
 */
export async function handleSubscriptionRequest(deps: SubscriptionApiDependencies, request: ApiRequest): Promise<ApiResponse> {
  const now = deps.now();
  if (!(await deps.limiter.hit(RATE_RULES.perClient, request.clientIp, now))) {
    return {
      ...html(429, renderMessagePage(deps.site, 'Too many requests', ['Please wait a few minutes and try again.'])),
      headers: { 'content-type': HTML_CONTENT_TYPE, 'retry-after': '600', ...NO_STORE },
    };
  }
  const secret = await deps.secret();
  const route = `${request.method} ${request.path.replace(/\/+$/, '')}`;
  const tokenOf = (purpose: TokenPurpose, token: string | undefined) => (token ? verifyToken(token, purpose, secret, now) : undefined);
  const badLink = () =>
    html(
      400,
      renderMessagePage(deps.site, 'This link does not work', [
        'The link is incomplete or has expired. Subscribe again from the sign-up page, or use the link in a more recent email.',
      ]),
    );

  switch (route) {
    case `POST ${SUBSCRIPTION_PATHS.subscribe}`: {
      const form = subscribeFormSchema.safeParse(readForm(request));
      if (!form.success) {
        return html(
          400,
          renderMessagePage(
            deps.site,
            'Please check the form',
            form.error.issues.map((issue) => `${issue.path.join('.') || 'form'}: ${issue.message}`),
          ),
        );
      }
      const email = normalizeEmail(form.data.email);
      if (await deps.limiter.hit(RATE_RULES.perAddress, email, now)) await signUp(deps, email, preferencesFrom(form.data), secret, now);
      return html(
        200,
        renderMessagePage(deps.site, 'Check your inbox', [
          `If ${email} can receive alerts, we have sent it a link. Open it to confirm your subscription.`,
        ]),
      );
    }
    case `GET ${SUBSCRIPTION_PATHS.confirm}`: {
      const verified = tokenOf('confirm', request.query.token);
      return verified?.ok ? html(200, renderConfirmPage(deps.site, request.query.token ?? '')) : badLink();
    }
    case `POST ${SUBSCRIPTION_PATHS.confirm}`: {
      const form = tokenFormSchema.safeParse(readForm(request));
      const verified = form.success ? tokenOf('confirm', form.data.token) : undefined;
      if (!verified?.ok || !(await deps.store.activate(verified.claims.subscriber, now))) return badLink();
      return html(
        200,
        renderMessagePage(deps.site, 'You are subscribed', [
          'Your subscription is confirmed. Every alert has a link to change what you get or to unsubscribe.',
        ]),
      );
    }
    case `GET ${SUBSCRIPTION_PATHS.preferences}`: {
      const verified = tokenOf('manage', request.query.token);
      const reader = verified?.ok ? await deps.store.get(verified.claims.subscriber) : undefined;
      if (!reader || reader.status === 'suppressed') {
        return verified?.ok ? html(200, renderMessagePage(deps.site, 'No subscription', ['This address has no subscription.'])) : badLink();
      }
      const view = {
        token: request.query.token ?? '',
        sections: reader.sections,
        tags: reader.tags,
        breakingOnly: reader.breakingOnly,
        paused: reader.status === 'paused',
      };
      return html(200, renderPreferencesPage(deps.site, view));
    }
    case `POST ${SUBSCRIPTION_PATHS.preferences}`: {
      const form = preferencesFormSchema.safeParse(readForm(request));
      const verified = form.success ? tokenOf('manage', form.data.token) : undefined;
      if (!form.success || !verified?.ok) return badLink();
      const id = verified.claims.subscriber;
      const outcome = await managePreferences(deps, id, form.data, now);
      return html(200, renderMessagePage(deps.site, outcome.title, [outcome.message]));
    }
    case `POST ${SUBSCRIPTION_PATHS.unsubscribe}`: {
      // RFC 8058: the token is in the URL, the body says List-Unsubscribe=One-Click; no page, no confirmation.
      const verified = tokenOf('manage', request.query.token);
      const oneClick = new URLSearchParams(request.body).get('List-Unsubscribe') === ONE_CLICK_BODY.split('=')[1];
      const form = oneClick ? undefined : tokenFormSchema.safeParse(readForm(request));
      const viaForm = form?.success ? tokenOf('manage', form.data.token) : undefined;
      const valid = verified?.ok ? verified : viaForm?.ok ? viaForm : undefined;
      if (!valid) return badLink();
      await deps.store.remove(valid.claims.subscriber);
      return html(200, renderMessagePage(deps.site, 'You are unsubscribed', ['We will not email you again, and we have deleted your address.']));
    }
    case `GET ${SUBSCRIPTION_PATHS.pushKey}`:
      return deps.push ? json(200, { publicKey: deps.push.publicKey }) : notFound();
    case `POST ${SUBSCRIPTION_PATHS.pushSubscriptions}`: {
      if (!deps.push) return notFound();
      const registration = pushRegistrationSchema.safeParse(parseJson(request.body));
      if (!registration.success) return json(400, { error: registration.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      const { subscription, sections = [], tags = [], breaking = false } = registration.data;
      const preferences = preferencesFrom({ sections: sections.join(','), tags: tags.join(','), breaking: String(breaking) });
      await deps.push.store.put({ endpoint: subscription.endpoint, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth, ...preferences });
      return json(201, { registered: true });
    }
    case `POST ${SUBSCRIPTION_PATHS.devices}`: {
      const registration = deviceRegistrationSchema.safeParse(parseJson(request.body));
      if (!registration.success) return json(400, { error: registration.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      const { platform, token, sections = [], tags = [], breaking = false } = registration.data;
      if (!deps.devices?.platforms.includes(platform)) return notFound();
      const preferences = preferencesFrom({ sections: sections.join(','), tags: tags.join(','), breaking: String(breaking) });
      try {
        await deps.devices.register({ platform, token, ...preferences });
      } catch (error) {
        if (error instanceof FilterPolicyLimitError) return json(400, { error: [error.message] });
        throw error;
      }
      return json(201, { registered: true });
    }
    case `POST ${SUBSCRIPTION_PATHS.pushUnsubscribe}`: {
      if (!deps.push) return notFound();
      const removal = pushRemovalSchema.safeParse(parseJson(request.body));
      if (!removal.success) return json(400, { error: 'endpoint required' });
      await deps.push.store.remove(pushIdFor(removal.data.endpoint));
      return json(200, { removed: true });
    }
    default:
      return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', ...NO_STORE }, body: 'Not found' };
  }
}

async function signUp(deps: SubscriptionApiDependencies, email: string, preferences: ReaderPreferences, secret: string, now: Date) {
  const id = subscriberIdFor(email, secret);
  const reader = await deps.store.upsertPending({ id, email, ...preferences }, now);
  if (reader.status === 'suppressed') return;
  if (reader.status === 'pending') {
    const link = `${deps.site.baseUrl}${SUBSCRIPTION_PATHS.confirm}?token=${issueToken('confirm', id, secret, now)}`;
    await deps.mailer.send(renderConfirmationEmail(email, link, deps.site.publication));
    return;
  }
  // Already subscribed: the same answer on the page, and a way in by email rather than a second sign-up.
  await deps.mailer.send(renderAlreadySubscribedEmail(email, preferencesUrl(deps.site.baseUrl, id, secret, now), deps.site.publication));
}

async function managePreferences(
  deps: SubscriptionApiDependencies,
  id: string,
  form: z.infer<typeof preferencesFormSchema>,
  now: Date,
): Promise<{ title: string; message: string }> {
  switch (form.action) {
    case 'save':
      return (await deps.store.updatePreferences(id, preferencesFrom(form)))
        ? { title: 'Preferences saved', message: 'Your next alerts follow your new choices.' }
        : { title: 'No subscription', message: 'This address has no subscription.' };
    case 'pause':
      await deps.store.pause(id);
      return { title: 'Alerts paused', message: 'We will not email you until you resume alerts from this page.' };
    case 'resume':
      return (await deps.store.activate(id, now))
        ? { title: 'Alerts resumed', message: 'You will receive alerts again.' }
        : { title: 'No subscription', message: 'This address has no subscription.' };
    case 'unsubscribe':
      await deps.store.remove(id);
      return { title: 'You are unsubscribed', message: 'We will not email you again, and we have deleted your address.' };
  }
}
