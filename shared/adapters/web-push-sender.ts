import webpush from 'web-push';

/** The VAPID identity of the application server (RFC 8292). */
export interface VapidKeys {
  readonly subject: string;
  readonly publicKey: string;
  readonly privateKey: string;
}

/** What a push service answered. */
/** `refused`: the push service answered an error (not accepted); `uncertain`: no answer (it may have been). */
export type PushResult = 'delivered' | 'gone' | 'refused' | 'uncertain';

/** Sends one encrypted push message. */
export interface WebPushSender {
  send(subscription: { endpoint: string; p256dh: string; auth: string }, payload: string): Promise<{ result: PushResult; detail?: string }>;
}

/**
 * Sends through the `web-push` library: a VAPID JWT signed with the
 * application server's key and the payload encrypted for the subscription
 * (RFC 8291, aes128gcm), built by `generateRequestDetails` and posted with
 * `fetch` (the library's own transport is HTTPS-only; the local push service
 * speaks plain HTTP on loopback). 404 and 410 mean the subscription is gone.
 */
export function createWebPushSender(vapid: () => Promise<VapidKeys>, ttlSeconds = 3600, timeoutMs = 10_000): WebPushSender {
  return {
    async send(subscription, payload) {
      const keys = await vapid();
      const details = webpush.generateRequestDetails(
        { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
        payload,
        {
          TTL: ttlSeconds,
          contentEncoding: 'aes128gcm',
          vapidDetails: { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
        },
      );
      let response: Response;
      try {
        response = await fetch(details.endpoint, {
          method: details.method,
          headers: Object.fromEntries(Object.entries(details.headers).map(([k, v]) => [k, String(v)])),
          body: details.body ?? null,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        return { result: 'uncertain', detail: error instanceof Error ? error.message : String(error) };
      }
      if (response.ok) return { result: 'delivered' };
      if (response.status === 404 || response.status === 410) return { result: 'gone' };
      return { result: 'refused', detail: `${response.status} ${(await response.text()).slice(0, 200)}` };
    },
  };
}
