import { describe, expect, it } from 'vitest';
import { ENV } from '../../../events/names';
import { readPublishSchedulingConfig } from '../../../shared/config/clients/scheduler-client';
import { ConfigurationError } from '../../../shared/config/runtime-config';

const REQUIRED = {
  [ENV.scheduleGroupName]: 'newsroom-publish',
  [ENV.schedulerRoleArn]: 'arn:aws:iam::123456789012:role/scheduler',
  [ENV.publishTargetArn]: 'arn:aws:lambda:us-east-1:123456789012:function:publish',
};

describe('readPublishSchedulingConfig', () => {
  it('reads the group, role, target and dead-letter queue', () => {
    const dlq = 'arn:aws:sqs:us-east-1:123456789012:publish-failures';
    expect(readPublishSchedulingConfig({ ...REQUIRED, [ENV.scheduleDeadLetterArn]: dlq })).toEqual({
      groupName: 'newsroom-publish',
      roleArn: REQUIRED[ENV.schedulerRoleArn],
      targetArn: REQUIRED[ENV.publishTargetArn],
      deadLetterArn: dlq,
    });
  });

  it('leaves the dead-letter queue out when it is unset or empty', () => {
    expect(readPublishSchedulingConfig(REQUIRED).deadLetterArn).toBeUndefined();
    expect(readPublishSchedulingConfig({ ...REQUIRED, [ENV.scheduleDeadLetterArn]: '' }).deadLetterArn).toBeUndefined();
  });

  it('names every missing required variable', () => {
    expect(() => readPublishSchedulingConfig({ [ENV.scheduleGroupName]: 'g' })).toThrow(ConfigurationError);
    expect(() => readPublishSchedulingConfig({ [ENV.scheduleGroupName]: 'g' })).toThrow(
      `${ENV.schedulerRoleArn} is not set; ${ENV.publishTargetArn} is not set`,
    );
  });
});
