import { describe, expect, it } from 'vitest';
import { ENV } from '../../../events/names';
import { readPublishSchedulingConfig } from '../../../shared/config/clients/scheduler-client';
import { readRuntimeConfig } from '../../../shared/config/runtime-config';
import { readTakeawaysConfig } from '../../../shared/config/takeaways-config';

describe('environment readers', () => {
  it('say a missing variable is not set, in the same words', () => {
    expect(() => readRuntimeConfig(['tableName'], {})).toThrow(`Invalid configuration: ${ENV.tableName} is not set`);
    expect(() => readTakeawaysConfig({ [ENV.takeawaysProvider]: 'bedrock' })).toThrow(`Invalid configuration: ${ENV.bedrockModelId} is not set`);
    expect(() => readPublishSchedulingConfig({ [ENV.scheduleGroupName]: 'g', [ENV.schedulerRoleArn]: 'arn:r' })).toThrow(
      `Invalid configuration: ${ENV.publishTargetArn} is not set`,
    );
  });

  it('name the variable and what is wrong with a malformed value', () => {
    expect(() => readRuntimeConfig(['siteUrl'], { [ENV.siteUrl]: 'not a url' })).toThrow(/^Invalid configuration: SITE_URL: \S/);
    expect(() => readTakeawaysConfig({ [ENV.takeawaysProvider]: 'openai' })).toThrow(/^Invalid configuration: TAKEAWAYS_PROVIDER: \S/);
  });

  it('report only what is wrong when one setting is malformed: the others that are set are not called missing', () => {
    const env = { [ENV.tableName]: 'articles', [ENV.siteUrl]: 'not a url' };
    expect(() => readRuntimeConfig(['tableName', 'siteUrl', 'publication'], env)).toThrow(/^Invalid configuration: SITE_URL: [^;]+$/);
    expect(() => readRuntimeConfig(['tableName', 'siteUrl', 'siteBucket'], env)).toThrow(
      /^Invalid configuration: SITE_URL: [^;]+; SITE_BUCKET_NAME is not set$/,
    );
  });
});
