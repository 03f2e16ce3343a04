import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import { createHash } from 'node:crypto';
import type { PublishScheduleInput } from '../../events/publish-schedule';
import type { PublishScheduler } from '../ports/publish-scheduler';

/** Options of {@link createPublishScheduler}. */
export interface PublishSchedulerOptions {
  readonly client: SchedulerClient;
  /** The schedule group that holds every publish schedule. */
  readonly groupName: string;
  /** The role EventBridge Scheduler assumes to invoke the target. */
  readonly roleArn: string;
  /** The schedules' target: the publish queue's ARN (Scheduler sends the input as the message body). */
  readonly targetArn: string;
  /**
   * SQS queue that receives a run that failed all of Scheduler's retries
   * (the scheduler role needs `sqs:SendMessage` on it). @default - no dead-letter queue
   */
  readonly deadLetterArn?: string;
}

const NAME_PREFIX = 'publish-';
const NAME = /^[0-9a-zA-Z-_.]{1,56}$/;

/** The schedule name of an article: `publish-<id>`, or a digest of the id when the id cannot be part of a name. */
function scheduleName(articleId: string): string {
  const part = NAME.test(articleId) ? articleId : createHash('sha256').update(articleId).digest('hex').slice(0, 56);
  return `${NAME_PREFIX}${part}`;
}

/** `at(yyyy-mm-ddThh:mm:ss)` in UTC for an ISO instant, rounded up to the second. */
function atExpression(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 instant: ${at}`);
  return `at(${new Date(Math.ceil(ms / 1000) * 1000).toISOString().slice(0, 19)})`;
}

/** Creates the EventBridge Scheduler adapter for publish schedules. Schedule names and shapes stay inside it. */
export function createPublishScheduler({ client, groupName, roleArn, targetArn, deadLetterArn }: PublishSchedulerOptions): PublishScheduler {
  async function schedule(articleId: string, version: number, at: string): Promise<void> {
    const input: PublishScheduleInput = { id: articleId, version };
    const request: CreateScheduleCommandInput = {
      Name: scheduleName(articleId),
      GroupName: groupName,
      ScheduleExpression: atExpression(at),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: targetArn,
        RoleArn: roleArn,
        Input: JSON.stringify(input),
        ...(deadLetterArn ? { DeadLetterConfig: { Arn: deadLetterArn } } : {}),
      },
    };
    // Create, or move the existing one; the second round covers a schedule that ran and deleted itself in between.
    for (let round = 0; ; round++) {
      try {
        await client.send(new CreateScheduleCommand(request));
        return;
      } catch (error) {
        if (!(error instanceof ConflictException)) throw error;
      }
      try {
        await client.send(new UpdateScheduleCommand(request));
        return;
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException) || round > 0) throw error;
      }
    }
  }

  async function cancel(articleId: string): Promise<void> {
    try {
      await client.send(new DeleteScheduleCommand({ Name: scheduleName(articleId), GroupName: groupName }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }

  return { schedule, cancel };
}
