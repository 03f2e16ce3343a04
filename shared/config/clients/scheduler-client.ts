import { SchedulerClient } from '@aws-sdk/client-scheduler';
import * as z from '../../../events/zod';
import { ENV } from '../../../events/names';
import { configurationError, nonEmptySettingSchema } from '../runtime-config';

/**
 * Builds the EventBridge Scheduler client. On AWS nothing is overridden;
 * locally and in tests `AWS_ENDPOINT_URL_SCHEDULER` points it at the local
 * scheduler endpoint.
 */
export function createSchedulerClient(env: NodeJS.ProcessEnv = process.env): SchedulerClient {
  const endpoint = env.AWS_ENDPOINT_URL_SCHEDULER;
  return new SchedulerClient(endpoint ? { endpoint } : {});
}

/** Where publish schedules go and what they run (what `createPublishScheduler` takes besides the client). */
export interface PublishSchedulingConfig {
  /** The schedule group holding every publish schedule. */
  readonly groupName: string;
  /** The role EventBridge Scheduler assumes to send to the publish queue. */
  readonly roleArn: string;
  /** The publish queue ARN (the schedules target). */
  readonly targetArn: string;
  /** The queue for runs Scheduler could not deliver. @default - none */
  readonly deadLetterArn?: string;
}

const schedulingSchema = z.object({
  [ENV.scheduleGroupName]: nonEmptySettingSchema,
  [ENV.schedulerRoleArn]: nonEmptySettingSchema,
  [ENV.publishTargetArn]: nonEmptySettingSchema,
  [ENV.scheduleDeadLetterArn]: z.optional(z.string()),
});

/**
 * Reads the scheduling settings (`SCHEDULE_GROUP_NAME`, `SCHEDULER_ROLE_ARN`,
 * `PUBLISH_TARGET_ARN`, and `SCHEDULE_DEAD_LETTER_ARN` when set), which
 * `Scheduling.grantManageSchedules` sets on AWS.
 *
 * @throws ConfigurationError naming each missing variable.
 */
export function readPublishSchedulingConfig(env: NodeJS.ProcessEnv = process.env): PublishSchedulingConfig {
  const parsed = schedulingSchema.safeParse(env);
  if (!parsed.success) {
    throw configurationError(env, parsed.error.issues);
  }
  return {
    groupName: parsed.data[ENV.scheduleGroupName],
    roleArn: parsed.data[ENV.schedulerRoleArn],
    targetArn: parsed.data[ENV.publishTargetArn],
    deadLetterArn: parsed.data[ENV.scheduleDeadLetterArn] || undefined,
  };
}
