import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readFile } from 'node:fs/promises';
import { SUBSCRIPTION_PATHS } from '../../events/subscriber-names';
import { createSubscriberStore, type Reader, type SubscriberStore } from '../../shared/adapters/subscriber-store';
import { normalizeEmail } from '../../shared/domain/subscriptions/interests';
import { subscriberIdFor } from '../../shared/domain/subscriptions/signed-token';
import { readEndpoints, type Endpoints } from '../local/endpoints';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-credentials';
import { localPaths } from '../local/local-paths';
import { fetchSentMail, type SentMail } from '../local/sent-mail';

/** The running local stack's reader side: its subscriber store, link secret, site and mail endpoint. */
export interface LocalReaders {
  readonly endpoints: Endpoints;
  readonly store: SubscriberStore;
  readonly secret: () => Promise<string>;
}

/** Opens the reader side of the local stack named by `NEWSROOM_HOME`. */
export async function localReaders(): Promise<LocalReaders> {
  const paths = localPaths();
  const endpoints = await readEndpoints(paths.endpointsFile).catch(() => {
    throw new Error(`No local stack is running (no ${paths.endpointsFile}). Start one with: npm start`);
  });
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: endpoints.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return {
    endpoints,
    store: createSubscriberStore({ client, tableName: endpoints.subscriberTableName }),
    secret: async () => (await readFile(paths.subscriptionSecret, 'utf8')).trim(),
  };
}

/** Every email the local SES endpoint accepted. */
export async function listMail(readers: Pick<LocalReaders, 'endpoints'>): Promise<SentMail[]> {
  return fetchSentMail(readers.endpoints.mail);
}

/** One line per email: time, recipient, subject, and whether it carries one-click unsubscribe headers. */
export function describeMail(mail: readonly SentMail[]): string {
  if (mail.length === 0) return 'No mail sent.';
  return mail
    .map(
      (m) =>
        `${new Date(m.at * 1000).toISOString()}  ${m.to.join(', ')}  ${m.subject}${m.headers['List-Unsubscribe-Post'] ? '  [one-click unsubscribe]' : ''}`,
    )
    .join('\n');
}

/** Every email reader in the table. */
export async function listReaders(readers: Pick<LocalReaders, 'store'>): Promise<Reader[]> {
  const all: Reader[] = [];
  for await (const reader of readers.store.scan()) all.push(reader);
  return all.sort((a, b) => a.email.localeCompare(b.email));
}

/** Readers by channel, one line each. */
export function describeReaders(readers: readonly Reader[]): string {
  if (readers.length === 0) return 'email: no readers.';
  const follows = (r: Reader) => [...r.sections.map((s) => `section ${s}`), ...r.tags.map((t) => `tag ${t}`)].join(', ') || 'everything';
  return readers.map((r) => `email  ${r.email}  ${r.status}  ${follows(r)}${r.breakingOnly ? ' (breaking only)' : ''}`).join('\n');
}

/** A reader's data request: everything stored about the address, or undefined. */
export async function exportReader(readers: LocalReaders, email: string): Promise<Reader | undefined> {
  return readers.store.get(subscriberIdFor(normalizeEmail(email), await readers.secret()));
}

/** Deletes everything stored about the address. @returns whether there was anything. */
export async function deleteReader(readers: LocalReaders, email: string): Promise<boolean> {
  return readers.store.remove(subscriberIdFor(normalizeEmail(email), await readers.secret()));
}

/** Signs an address up through the site's API, exactly as the form does (a confirmation email follows). */
export async function signUpLocally(readers: Pick<LocalReaders, 'endpoints'>, form: Record<string, string>): Promise<number> {
  const response = await fetch(new URL(SUBSCRIPTION_PATHS.subscribe, readers.endpoints.site), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return response.status;
}
