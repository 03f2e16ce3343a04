import * as z from '../../events/zod';
import { ENV } from '../../events/names';
import type { SiteConfig } from '../domain/render/site-config';

/**
 * A non-empty environment setting, for every environment reader: zod schemas are immutable, so one instance serves
 * every field, and each one built is work at every cold start.
 */
export const nonEmptySettingSchema = z.string().check(z.minLength(1));

/** An optional {@link nonEmptySettingSchema}, one instance for every field. */
export const optionalSettingSchema = z.optional(nonEmptySettingSchema);

/** The site's public URL, without trailing slashes: one instance for every environment reader. */
export const siteUrlSettingSchema = z.pipe(
  z.url(),
  z.transform((url) => url.replace(/\/+$/, '')),
);

/** The publication's name, `Newsroom` when unset: one instance for every environment reader. */
export const publicationSettingSchema = z._default(nonEmptySettingSchema, 'Newsroom');

/** Every setting, each optional: `readRuntimeConfig` requires only those a function names. */
const settingsSchema = z.object({
  tableName: optionalSettingSchema,
  draftsBucket: optionalSettingSchema,
  siteBucket: optionalSettingSchema,
  alertsTopicArn: optionalSettingSchema,
  editorsTopicArn: optionalSettingSchema,
  distributionId: optionalSettingSchema,
  invalidationQueueUrl: optionalSettingSchema,
  priorityQueueUrl: optionalSettingSchema,
  bulkQueueUrl: optionalSettingSchema,
  siteUrl: z.optional(siteUrlSettingSchema),
  publication: publicationSettingSchema,
  sections: z.optional(
    z.pipe(
      z.string(),
      z.transform((list) =>
        list
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      ),
    ),
  ),
});

type Settings = z.output<typeof settingsSchema>;

/** The settings a stage may leave out. */
type OptionalSetting = 'distributionId' | 'invalidationQueueUrl' | 'priorityQueueUrl' | 'bulkQueueUrl' | 'sections';

/** Names and settings every function reads from its environment. */
export type RuntimeConfig = Required<Omit<Settings, OptionalSetting>> & Pick<Settings, OptionalSetting>;

/** A required environment variable is missing or malformed. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** One zod issue about an environment setting. */
interface SettingIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * The one error every environment reader throws: `Invalid configuration:`
 * then, per problem, `VAR is not set` or `VAR: what is wrong with it`.
 *
 * @param variableOf the environment variable an issue's first path key names
 */
export function configurationError(
  env: NodeJS.ProcessEnv,
  issues: readonly SettingIssue[],
  variableOf: (key: string) => string = (key) => key,
  missing: readonly string[] = [],
): ConfigurationError {
  const problems = issues.map((issue) => {
    const variable = variableOf(String(issue.path[0] ?? ''));
    return env[variable] ? `${variable}: ${issue.message}` : `${variable} is not set`;
  });
  return new ConfigurationError(`Invalid configuration: ${[...problems, ...missing.map((variable) => `${variable} is not set`)].join('; ')}`);
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
): Required<Pick<RuntimeConfig, K>> & Partial<RuntimeConfig> {
  const settings = Object.keys(ENV) as Array<keyof typeof ENV>;
  const raw = Object.fromEntries(settings.map((key) => [key, env[ENV[key]] || undefined]));
  const parsed = settingsSchema.safeParse(raw);
  const issues = parsed.success ? [] : parsed.error.issues;
  const malformed = new Set(issues.map((issue) => issue.path[0]));
  // On a malformed setting, the others are read without it, so a required one that is set is not also reported missing.
  const config: Partial<Settings> = parsed.success
    ? parsed.data
    : (settingsSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([key]) => !malformed.has(key)))).data ?? {});
  const missing = required.filter((key) => config[key] === undefined && !malformed.has(key)).map((key) => ENV[key]);
  if (issues.length > 0 || missing.length > 0) throw configurationError(env, issues, (key) => ENV[key as keyof typeof ENV], missing);
  return config as Required<Pick<RuntimeConfig, K>> & Partial<RuntimeConfig>;
}

/** The rendered site's settings from the runtime configuration. */
export function siteConfigOf(config: Pick<RuntimeConfig, 'siteUrl' | 'publication' | 'sections'>): SiteConfig {
  return { baseUrl: config.siteUrl, publication: config.publication, ...(config.sections?.length ? { sections: config.sections } : {}) };
}
