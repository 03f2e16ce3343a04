import * as z from 'zod';
import { ENV } from '../../events/names';

const configSchema = z.object({
  tableName: z.string().min(1),
  draftsBucket: z.string().min(1),
  siteBucket: z.string().min(1),
  alertsTopicArn: z.string().min(1),
  editorsTopicArn: z.string().min(1),
  distributionId: z.string().min(1).optional(),
  siteUrl: z.url().transform((url) => url.replace(/\/+$/, '')),
  publication: z.string().min(1).default('Newsroom'),
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
  const parsed = configSchema.partial().safeParse(raw);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${ENV[issue.path[0] as keyof typeof ENV]}: ${issue.message}`);
  const config = parsed.success ? parsed.data : {};
  for (const key of required) if (config[key] === undefined) problems.push(`${ENV[key]} is not set`);
  if (problems.length > 0) throw new ConfigurationError(`Invalid configuration: ${problems.join('; ')}`);
  return config as Pick<RuntimeConfig, K> & Partial<RuntimeConfig>;
}
