import * as z from 'zod';

const storedEmailSchema = z.object({
  messageId: z.string(),
  from: z.string(),
  destination: z.object({ to: z.array(z.string()) }),
  subject: z.string(),
  body: z.object({ html: z.string().optional(), text: z.string().optional() }),
  headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  at: z.number(),
});

/** One email aws-ses-v2-local accepted, as `newsroom mail --json` prints it. */
export interface SentMail {
  readonly messageId: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  readonly html: string;
  /** Seconds since the epoch. */
  readonly at: number;
}

/** Every email the local SES endpoint has accepted, oldest first (its JSON store at `/store`). */
export async function fetchSentMail(mailUrl: string): Promise<SentMail[]> {
  const response = await fetch(new URL('/store', mailUrl));
  if (!response.ok) throw new Error(`The local mail store answered ${response.status}`);
  const { emails } = z.object({ emails: z.array(storedEmailSchema) }).parse(await response.json());
  return emails.map((email) => ({
    messageId: email.messageId,
    from: email.from,
    to: email.destination.to,
    subject: email.subject,
    headers: Object.fromEntries((email.headers ?? []).map((h) => [h.name, h.value])),
    text: email.body.text ?? '',
    html: email.body.html ?? '',
    at: email.at,
  }));
}
