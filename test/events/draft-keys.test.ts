import { beforeAll, describe, expect, it } from 'vitest';
import { isDraftKey } from '../../events/names';
import { synthStage } from '../infra/support/synth-stage';

type FilterRule = { Name: string; Value: string };

/** Whether S3 would notify intake of `key`, by the notification filters of the synthesized drafts bucket (S3 matches them case-sensitively). */
let s3Notifies: (key: string) => boolean;

beforeAll(() => {
  const stage = synthStage();
  const [notifications] = Object.values(stage.data.findResources('Custom::S3BucketNotifications'));
  const filters: Array<Record<string, string>> = notifications!.Properties.NotificationConfiguration.QueueConfigurations.map(
    (queue: { Filter: { Key: { FilterRules: FilterRule[] } } }) =>
      Object.fromEntries(queue.Filter.Key.FilterRules.map((rule) => [rule.Name.toLowerCase(), rule.Value])),
  );
  s3Notifies = (key) => filters.some((filter) => key.startsWith(filter.prefix ?? '') && key.endsWith(filter.suffix ?? ''));
});

describe('which keys are drafts', () => {
  const keys = [
    'drafts/story.md',
    'drafts/story.json',
    'drafts/desk/story.md',
    'drafts/story.MD',
    'drafts/story.Json',
    'drafts/story.md.bak',
    'drafts/photo.jpg',
    'reports/story.md',
    'story.md',
  ];

  it.each(keys)('agrees with the S3 notification filters on %s', (key) => {
    expect(isDraftKey(key)).toBe(s3Notifies(key));
  });

  it('does not take an upper-case suffix for a draft, as S3 does not notify of it', () => {
    expect(isDraftKey('drafts/story.MD')).toBe(false);
  });
});
