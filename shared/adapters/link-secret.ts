import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { readFile } from 'node:fs/promises';

/** Where the link-signing secret comes from. */
export type SecretSource = ({ readonly file: string } | { readonly parameter: string; readonly client: SSMClient }) & {
  /** Shortest acceptable value. @default 32 */
  readonly minLength?: number;
};

/**
 * Loads a secret (the HMAC key of confirm and preferences links, the VAPID
 * private key): from a file locally, from an SSM SecureString parameter on
 * AWS. Loaded once per process.
 */
export function createSecretLoader(source: SecretSource): () => Promise<string> {
  let secret: Promise<string> | undefined;
  const load = async () => {
    const value =
      'file' in source
        ? (await readFile(source.file, 'utf8')).trim()
        : ((await source.client.send(new GetParameterCommand({ Name: source.parameter, WithDecryption: true }))).Parameter?.Value ?? '');
    if (value.length < (source.minLength ?? 32)) throw new Error('A secret is missing or too short');
    return value;
  };
  return () =>
    (secret ??= load().catch((error: unknown) => {
      secret = undefined;
      throw error;
    }));
}
