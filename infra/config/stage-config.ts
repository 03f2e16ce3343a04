import * as z from 'zod';

/** The context key in `cdk.json` under which the stages are configured. */
export const STAGES_CONTEXT_KEY = 'newsroom:stages';

/** CloudWatch Logs accepts only these retention periods (days). */
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const DOMAIN_NAME = /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const domainSchema = z
  .object({
    /** The site's host name, e.g. `news.example.com`. */
    name: z.string().regex(DOMAIN_NAME, 'must be a lowercase DNS name'),
    /** The Route 53 public hosted zone holding `name`. @default - none: the operator creates the DNS records */
    hostedZone: z
      .object({ id: z.string().regex(/^Z[A-Z0-9]{1,31}$/, 'must be a Route 53 hosted zone id'), name: z.string().regex(DOMAIN_NAME) })
      .strict()
      .optional(),
  })
  .strict()
  .refine((domain) => !domain.hostedZone || domain.name === domain.hostedZone.name || domain.name.endsWith(`.${domain.hostedZone.name}`), {
    message: 'the domain must be inside its hosted zone',
    path: ['hostedZone', 'name'],
  });

const alertSubscriptionSchema = z
  .object({
    email: z.email(),
    /** Only alerts of these sections; every section when absent. */
    sections: z.array(z.string().min(1)).min(1).optional(),
    /** Only alerts carrying one of these tags; every tag when absent. */
    tags: z.array(z.string().min(1)).min(1).optional(),
    /** Only breaking-news alerts. */
    breakingOnly: z.boolean().optional(),
  })
  .strict();

const readersSchema = z
  .object({
    /** The From address of alert emails; its domain must be a verified SES identity. */
    fromAddress: z.string().min(3),
    /** Emails per second the stage may send (its SES send quota); split across the sender's concurrency. */
    emailSendRate: z.number().positive().default(14),
    /** Concurrent email senders (the batch queue's maximum concurrency). */
    senderConcurrency: z.number().int().min(2).max(1000).default(2),
    /** SSM SecureString parameter (name) holding the link-signing secret; created out of band, never in the repo. */
    secretParameterName: z.string().regex(/^\/[\w./-]+$/),
    /** Web push: the VAPID public key and the SSM SecureString parameter of its private key. */
    webPush: z
      .object({
        publicKey: z.string().regex(/^[\w-]{80,100}$/),
        privateKeyParameterName: z.string().regex(/^\/[\w./-]+$/),
        subject: z.string().regex(/^(mailto:|https:)/),
      })
      .strict()
      .optional(),
    /**
     * Mobile push through SNS: the platform application ARNs of the stage's apps
     * (created out of band with the APNs key or FCM service account; credentials never in the repo).
     */
    mobilePush: z
      .object({
        apnsApplicationArn: z
          .string()
          .regex(/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:app\/APNS(_SANDBOX)?\/[\w.-]+$/)
          .optional(),
        fcmApplicationArn: z
          .string()
          .regex(/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:app\/GCM\/[\w.-]+$/)
          .optional(),
      })
      .strict()
      .refine((push) => push.apnsApplicationArn || push.fcmApplicationArn, 'name at least one platform application')
      .optional(),
  })
  .strict();

const stageSchema = z
  .object({
    /** The reader side (sign-up API, SES email, web push); not deployed when absent. */
    readers: readersSchema.optional(),
    /** Deploy to this account and region; env-agnostic stacks when absent. */
    env: z
      .object({ account: z.string().regex(/^\d{12}$/), region: z.string().min(1) })
      .strict()
      .optional(),
    /** Brand shown on the rendered pages. */
    publication: z.string().min(1),
    /**
     * Custom domain of the site. A DNS-validated certificate is made for it in
     * us-east-1; with a Route 53 hosted zone the validation and A/AAAA alias
     * records are made too, without one the stage outputs the records to create.
     */
    domain: domainSchema.optional(),
    /** A WAF web ACL on the distribution: AWS managed common rules plus a per-IP rate limit. */
    waf: z
      .object({
        /** Requests per IP address in any 5 minutes before that address is blocked (WAF's minimum is 10). */
        rateLimitPer5Minutes: z.number().int().min(10).max(2_000_000_000).default(1000),
      })
      .strict()
      .optional(),
    /** Monthly AWS cost (USD) of the resources tagged with this stage; the ops topic hears at 80 % actual and 100 % forecast. */
    monthlyBudgetUsd: z.number().positive().default(100),
    /** Reader alert subscriptions on the alerts topic, each with its filter. */
    alertSubscriptions: z.array(alertSubscriptionSchema).default([]),
    /** Editors notified of rejected drafts. */
    editorEmails: z.array(z.email()).default([]),
    /** Operators notified by the alarms. */
    opsEmails: z.array(z.email()).default([]),
    /** Retention of the function logs, in days (a CloudWatch Logs period). */
    logRetentionDays: z
      .number()
      .int()
      .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), 'not a CloudWatch Logs retention period')
      .default(30),
    /** Retention of the S3 and CloudFront access logs, in days. */
    accessLogRetentionDays: z.number().int().positive().default(90),
    /** Keep buckets, table and keys when the stack is deleted. */
    retainData: z.boolean().default(true),
    /** Who writes the takeaways an editor left out: the extractive method, or a Bedrock model checked against the article. */
    takeaways: z
      .discriminatedUnion('provider', [
        z.object({ provider: z.literal('extractive') }).strict(),
        z.object({ provider: z.literal('bedrock'), modelId: z.string().min(1) }).strict(),
      ])
      .default({ provider: 'extractive' }),
  })
  .strict()
  .refine((stage) => stage.env || (!stage.domain && !stage.waf), {
    message: 'a stage with a domain or a WAF needs env (account and region): its certificate and web ACL live in us-east-1',
    path: ['env'],
  });

const STAGE_NAME = /^[a-z][a-z0-9-]{0,30}$/;
const stagesSchema = z.record(z.string().regex(STAGE_NAME, 'stage names are lowercase kebab-case'), stageSchema);

/** One deployment stage, parsed from `cdk.json` context. */
export type StageConfig = z.output<typeof stageSchema> & { readonly name: string };
/** The reader side's settings of a stage. */
export type ReadersConfig = z.output<typeof readersSchema>;
/** An email subscription to the alerts topic. */
export type AlertSubscription = z.output<typeof alertSubscriptionSchema>;
/** A stage's custom domain. */
export type DomainConfig = z.output<typeof domainSchema>;

/** Raised when the stage configuration in `cdk.json` context is missing or invalid. */
export class StageConfigError extends Error {
  override readonly name = 'StageConfigError';
}

/**
 * Parses the `newsroom:stages` context value into typed stages.
 *
 * @param raw the context value: an object of stage name to settings
 * @returns every configured stage, in configuration order
 * @throws StageConfigError when the value is absent, empty or invalid
 */
export function parseStageConfigs(raw: unknown): StageConfig[] {
  if (raw === undefined) throw new StageConfigError(`context "${STAGES_CONTEXT_KEY}" is not set`);
  const parsed = stagesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StageConfigError(`invalid context "${STAGES_CONTEXT_KEY}": ${z.prettifyError(parsed.error)}`);
  }
  const stages = Object.entries(parsed.data).map(([name, stage]) => ({ ...stage, name }));
  if (stages.length === 0) throw new StageConfigError(`context "${STAGES_CONTEXT_KEY}" has no stage`);
  return stages;
}
