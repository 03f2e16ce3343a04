import { randomBytes } from 'node:crypto';
import webpush from 'web-push';
import { readFile, writeFile } from 'node:fs/promises';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SUBSCRIBER_INDEXES, SUBSCRIBER_TABLE_KEYS } from '../../events/subscriber-names';
import { ensureTable } from './provision';

/** Creates the subscriber table as the CDK app defines it (same keys and sparse interest index) unless it exists. */
export async function ensureSubscriberTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await ensureTable(client, tableName, {
    keys: SUBSCRIBER_TABLE_KEYS,
    index: SUBSCRIBER_INDEXES.byInterest,
    projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['email', 'endpoint', 'p256dh', 'auth'] },
  });
}

/** The local link-signing secret: read from `file`, or created there (random, owner-only) on first start. */
export async function ensureSecretFile(file: string): Promise<void> {
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim().length >= 32) return;
  await writeFile(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600 });
}

/** The local VAPID key pair: created on first start (public key and private key files, owner-only). @returns the public key. */
export async function ensureVapidKeys(publicKeyFile: string, privateKeyFile: string): Promise<string> {
  const existing = (await readFile(publicKeyFile, 'utf8').catch(() => '')).trim();
  const privateKey = (await readFile(privateKeyFile, 'utf8').catch(() => '')).trim();
  if (existing && privateKey) return existing;
  const keys = webpush.generateVAPIDKeys();
  await writeFile(privateKeyFile, `${keys.privateKey}\n`, { mode: 0o600 });
  await writeFile(publicKeyFile, `${keys.publicKey}\n`);
  return keys.publicKey;
}
