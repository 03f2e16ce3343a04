import * as z from '../../events/zod';
import { ENV } from '../../events/names';
import type { SiteConfig } from '../domain/render/site-config';

const configSchema = z.object({
  tableName: z.string().check(z.minLength(1)),
  draftsBucket: z.string().check(z.minLength(1)),
  siteBucket: z.string().check(z.minLength(1)),
  alertsTopicArn: z.string().check(z.minLength(1)),
  editorsTopicArn: z.string().check(z.minLength(1)),
  distributionId: z.optional(z.string().check(z.minLength(1))),
  siteUrl: z.pipe(z.url(), z.transform((url) => url.replace(/\/+$/, ''))),
  publication: z._default(z.string().check(z.minLength(1)), 'Newsroom'),
  sections: z.optional(
    z.pipe(
      z.string(),
      z.transform((list) => list.split(',').map((name) => name.trim()).filter(Boolean)),
    ),
  ),
});

/** Names and settings every function reads from its environment. */
export type RuntimeConfig = z.infer<typeof configSchema>;

/** A required environment variable is missing or malformed. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/**
 * Reads the runtime configuration from environment variables (names in `ENV`).
 * Only the settings a function needs must be present; `required` names them.
 *
 * @throws ConfigurationError naming each missing or malformed variable.
 */
export function readRuntimeConfig<K extends keyof RuntimeConfig>(
  required: readonly K[],
  env: NodeJS.ProcessEnv = process.env,
): Pick<RuntimeConfig, K> & Partial<RuntimeConfig> {
  const settings = Object.keys(ENV) as Array<keyof typeof ENV>;
  const raw = Object.fromEntries(settings.map((key) => [key, env[ENV[key]] || undefined]));
  const parsed = z.partial(configSchema).safeParse(raw);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${ENV[issue.path[0] as keyof typeof ENV]}: ${issue.message}`);
  const config = parsed.success ? parsed.data : {};
  for (const key of required) if (config[key] === undefined) problems.push(`${ENV[key]} is not set`);
  if (problems.length > 0) throw new ConfigurationError(`Invalid configuration: ${problems.join('; ')}`);
  return config as Pick<RuntimeConfig, K> & Partial<RuntimeConfig>;
}

/** The rendered site's settings from the runtime configuration. */
export function siteConfigOf(config: Pick<RuntimeConfig, 'siteUrl' | 'publication' | 'sections'>): SiteConfig {
  return { baseUrl: config.siteUrl, publication: config.publication, ...(config.sections?.length ? { sections: config.sections } : {}) };
}
