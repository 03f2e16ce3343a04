import * as z from './zod';

const list = z.optional(z.string().check(z.maxLength(1000)));
const checkbox = z.optional(z.enum(['on', 'true', 'false', '']));
const token = z.string().check(z.minLength(10), z.maxLength(600));

/** The sign-up form of `/subscribe/` (form-encoded or JSON). */
export const subscribeFormSchema = z.object({
  email: z.email().check(z.maxLength(254)),
  /** Comma-separated sections; empty follows every section. */
  sections: list,
  /** Comma-separated tags. */
  tags: list,
  /** A checkbox: `on` when ticked. */
  breaking: checkbox,
});
export type SubscribeForm = z.infer<typeof subscribeFormSchema>;

/** A form that only carries a signed link's token (the confirm button). */
export const tokenFormSchema = z.object({ token });

/** The preferences form: what to do, and the new choices for `save`. */
export const preferencesFormSchema = z.object({
  token,
  action: z.enum(['save', 'pause', 'resume', 'unsubscribe']),
  sections: list,
  tags: list,
  breaking: checkbox,
});
export type PreferencesForm = z.infer<typeof preferencesFormSchema>;

/** What a one-click unsubscribe POST carries in its body (RFC 8058). */
export const ONE_CLICK_BODY = 'List-Unsubscribe=One-Click';

/** A browser's push registration (JSON from the opt-in script), with what it follows. */
export const pushRegistrationSchema = z.object({
  subscription: z.object({
    endpoint: z.url({ protocol: /^https?$/ }).check(z.maxLength(1000)),
    keys: z.object({ p256dh: z.string().check(z.regex(/^[\w-]{80,100}$/)), auth: z.string().check(z.regex(/^[\w-]{16,32}$/)) }),
  }),
  sections: z.optional(z.array(z.string().check(z.maxLength(80))).check(z.maxLength(20))),
  tags: z.optional(z.array(z.string().check(z.maxLength(80))).check(z.maxLength(20))),
  breaking: z.optional(z.boolean()),
});
export type PushRegistration = z.infer<typeof pushRegistrationSchema>;

/**
 * An app install registering for mobile push (POST /api/devices): its
 * platform, the push token APNs or FCM gave it, and what it follows.
 */
export const deviceRegistrationSchema = z.object({
  platform: z.enum(['apns', 'fcm']),
  token: z.string().check(z.regex(/^[\w:.-]{32,4096}$/)),
  sections: z.optional(z.array(z.string().check(z.maxLength(80))).check(z.maxLength(20))),
  tags: z.optional(z.array(z.string().check(z.maxLength(80))).check(z.maxLength(20))),
  breaking: z.optional(z.boolean()),
});
export type DeviceRegistrationRequest = z.infer<typeof deviceRegistrationSchema>;

/** Forgetting a push subscription: its endpoint. */
export const pushRemovalSchema = z.object({ endpoint: z.url().check(z.maxLength(1000)) });
