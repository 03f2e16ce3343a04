import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveInDoubtAlert } from '../../../../infra/cli/alerts-target';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../../infra/local/local-credentials';
import { ensureArticleTable } from '../../../../infra/local/provision';
import { createArticleStore } from '../../../../shared/adapters/article-store';
import { createTopicPublisher } from '../../../../shared/adapters/topic-publisher';
import { STAGES } from '../../../../shared/domain/lifecycle';
import type { ArticleStore } from '../../../../shared/ports/article-store';
import { PublishRejectedError, type TopicPublisher } from '../../../../shared/ports/topic-publisher';
import { notifySubscribers } from '../../../../shared/use-cases/notify-subscribers';
import { reconcilePipeline } from '../../../../shared/use-cases/reconcile-pipeline';
import { articleHead } from '../../../support/article-fixtures';
import { dynamoDbClient } from '../../../support/aws-env';
import { endpoints, readOutbox } from '../../../support/local-stack-client';

/**
 * The notify side of exactly-once on the real local SNS endpoint and DynamoDB
 * Local: its own article table (no stream consumer attached) and its own
 * topic with one app endpoint, whose outbox files count what SNS took.
 * Faults are injected only where a real service cannot be made to fail on
 * cue: a timeout after SNS answered, a crash between steps.
 */
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let store: ArticleStore;
let topicArn: string;
let tableName: string;
const sns = () => new SNSClient({ endpoint: endpoints().sns, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
const deliveries = async () => (await readOutbox()).filter((d) => d.topicArn === topicArn);
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

beforeAll(async () => {
  tableName = `in-doubt-${run}`;
  await ensureArticleTable(dynamoDbClient(), tableName);
  store = createArticleStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName });
  const client = sns();
  ({ TopicArn: topicArn = '' } = await client.send(new CreateTopicCommand({ Name: `in-doubt-${run}` })));
  await client.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'application', Endpoint: `fcm:device-${run}` }));
});

async function owedAlert(id: string): Promise<{ id: string; version: number }> {
  await store.saveVersion(articleHead(id, { stage: STAGES.notify, slug: `${id}-${run}`, title: `In doubt ${id}` }), 0);
  return { id, version: 1 };
}

/** A real SNS client whose answer is lost: SNS took the message, the caller sees a timeout. */
function timingOutPublisher(): TopicPublisher {
  const client = sns();
  client.middlewareStack.add(
    (next) => async (args) => {
      await next(args);
      throw Object.assign(new Error('Connection timed out after SNS answered'), { name: 'TimeoutError', $metadata: { attempts: 1 } });
    },
    { step: 'initialize', name: 'loseTheAnswer' },
  );
  return createTopicPublisher({ client, topicArn });
}

const reconcile = () => reconcilePipeline({ heads: store, publishDue: async () => 'skipped', stuckAfterMs: 0 });

describe('the notify side under faults (real local SNS and DynamoDB)', () => {
  it('a timeout after SNS accepted leaves the alert in doubt: reported, never resent, until an operator marks it sent', async () => {
    const ref = await owedAlert(`t-${run}`);
    const deps = { store, alerts: timingOutPublisher(), siteUrl: 'https://news.example' };
    expect((await notifySubscribers(deps, ref)).outcome).toBe('in-doubt');
    expect(await store.getHead(ref.id)).toMatchObject({ stage: STAGES.alerting, alertDue: false });
    // The stream's retry and a redelivery find nothing to claim.
    const healthy = { ...deps, alerts: createTopicPublisher({ client: sns(), topicArn }) };
    expect((await notifySubscribers(healthy, ref)).outcome).toBe('skipped');
    const report = await reconcile();
    expect(report.inDoubt).toContain(`${ref.id} v1 (alerting)`);
    expect(report.nudged.some((label) => label.startsWith(ref.id))).toBe(false);
    expect(await deliveries()).toHaveLength(1);

    const target = { articles: store };
    expect(await resolveInDoubtAlert(target, ref.id, 'mark-sent', new Date())).toBe(false);
    expect(await resolveInDoubtAlert(target, ref.id, 'mark-sent', later(2))).toBe(true);
    expect(await store.getHead(ref.id)).toMatchObject({ stage: STAGES.done });
    expect(await resolveInDoubtAlert(target, ref.id, 'resend', later(2))).toBe(false);
    expect((await reconcile()).inDoubt.some((label) => label.startsWith(ref.id))).toBe(false);
    expect(await deliveries()).toHaveLength(1);
  });

  it('a crash between claim and publish leaves a trace, and an explicit resend sends it once', async () => {
    const before = (await deliveries()).length;
    const ref = await owedAlert(`c-${run}`);
    const crashing: TopicPublisher = {
      publish: async () => {
        throw new Error('Runtime exited with error: signal: killed');
      },
    };
    expect((await notifySubscribers({ store, alerts: crashing, siteUrl: 'https://news.example' }, ref)).outcome).toBe('in-doubt');
    expect((await reconcile()).inDoubt).toContain(`${ref.id} v1 (alerting)`);
    expect(await resolveInDoubtAlert({ articles: store }, ref.id, 'resend', later(2))).toBe(true);
    expect(await store.getHead(ref.id)).toMatchObject({ stage: STAGES.notify, alertDue: true });
    // What the stream delivers next: the head entered notify again.
    const healthy = { store, alerts: createTopicPublisher({ client: sns(), topicArn }), siteUrl: 'https://news.example' };
    expect((await notifySubscribers(healthy, ref)).outcome).toBe('sent');
    expect((await notifySubscribers(healthy, ref)).outcome).toBe('skipped');
    expect(await deliveries()).toHaveLength(before + 1);
  });

  it('a crash after SNS accepted but before the alert is recorded as sent is in doubt, not resent', async () => {
    const before = (await deliveries()).length;
    const ref = await owedAlert(`r-${run}`);
    const forgetful: ArticleStore = {
      ...store,
      transition: async (at, event) => {
        if (event.type === 'alertSent') throw new Error('Runtime exited with error: signal: killed');
        return store.transition(at, event);
      },
    };
    const result = await notifySubscribers(
      { store: forgetful, alerts: createTopicPublisher({ client: sns(), topicArn }), siteUrl: 'https://news.example' },
      ref,
    );
    expect(result).toMatchObject({ outcome: 'in-doubt', reason: expect.stringContaining('sent, but not recorded') });
    expect(await store.getHead(ref.id)).toMatchObject({ stage: STAGES.alerting });
    expect((await reconcile()).inDoubt).toContain(`${ref.id} v1 (alerting)`);
    expect(await deliveries()).toHaveLength(before + 1);
  });

  it('an alert SNS refused is given back and sent once by the retry', async () => {
    const before = (await deliveries()).length;
    const ref = await owedAlert(`n-${run}`);
    const missing = createTopicPublisher({ client: sns(), topicArn: `${topicArn}-missing` });
    const deps = { store, alerts: missing, siteUrl: 'https://news.example' };
    await expect(notifySubscribers(deps, ref)).rejects.toBeInstanceOf(PublishRejectedError);
    expect(await store.getHead(ref.id)).toMatchObject({ stage: STAGES.notify, alertDue: true });
    expect((await notifySubscribers({ ...deps, alerts: createTopicPublisher({ client: sns(), topicArn }) }, ref)).outcome).toBe('sent');
    expect(await store.getHead(ref.id)).toMatchObject({ stage: STAGES.done });
    expect(await deliveries()).toHaveLength(before + 1);
  });
});
