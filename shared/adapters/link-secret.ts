import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { readFile } from 'node:fs/promises';

/** Where the link-signing secret comes from. */
export type SecretSource = { readonly file: string } | { readonly parameter: string; readonly client: SSMClient };

/**
 * Loads the HMAC secret that signs confirm and preferences links: from a file
 * locally, from an SSM SecureString parameter on AWS. Loaded once per process.
 */
export function createSecretLoader(source: SecretSource): () => Promise<string> {
  let secret: Promise<string> | undefined;
  const load = async () => {
    const value =
      'file' in source
        ? (await readFile(source.file, 'utf8')).trim()
        : ((await source.client.send(new GetParameterCommand({ Name: source.parameter, WithDecryption: true }))).Parameter?.Value ?? '');
    if (value.length < 32) throw new Error('The link-signing secret is missing or shorter than 32 characters');
    return value;
  };
  return () =>
    (secret ??= load().catch((error: unknown) => {
      secret = undefined;
      throw error;
    }));
}
