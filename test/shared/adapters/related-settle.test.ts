import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureArticleTable } from '../../../infra/local/provision';
import { corpusHead } from '../../../bench/related/simulate';
import { createRelatedIndex } from '../../../shared/adapters/related-index';
import { DEFAULT_RELATED_PARAMETERS } from '../../../shared/domain/related';
import type { RelatedIndex } from '../../../shared/ports/related-index';
import { findRelated, publishRelated } from '../../../shared/use-cases/related-articles';
import { settleRelated } from '../../../shared/use-cases/settle-related';
import { dynamoDbClient } from '../../support/aws-env';
import { relatedListStore } from '../../support/related-list-store';

let index: RelatedIndex;

const story = (n: number, section: string, words: string) =>
  corpusHead({ key: `${section}/${n}`, section, title: `Story ${n} ${words}`, body: `${words} grew again this week.`, sentences: [] }, n, section);

beforeAll(async () => {
  const raw = dynamoDbClient();
  const tableName = `related-settle-test-${Date.now()}`;
  await ensureArticleTable(raw, tableName);
  index = createRelatedIndex({ client: DynamoDBDocumentClient.from(raw), tableName });
});

describe('related links settle pass on DynamoDB Local', () => {
  it('leaves no eligible article short after a burst, refreshing only the short ones, then finds nothing to do', async () => {
    // No per-publish refresh: the burst leaves the first stories of each section short, as concurrent publishes can.
    const parameters = { ...DEFAULT_RELATED_PARAMETERS, refreshPerPublish: 0 };
    const store = relatedListStore();
    const sections = ['Settle A', 'Settle B'];
    const heads = sections.flatMap((section, s) =>
      Array.from({ length: 5 }, (_, i) => story(s * 10 + i, section, `qx${s}${i}vel ${['harbour', 'ferry', 'tolls', 'dredge', 'quay'][i]}`)),
    );
    for (const head of heads) {
      const plan = await findRelated(index, head, parameters);
      store.lists.set(head.id, plan.links);
      await publishRelated({ index, store }, { ...head, related: plan.links }, plan, parameters);
    }
    const shortBefore = heads.filter((head) => (store.lists.get(head.id)?.length ?? 0) < 3).map((head) => head.id);
    expect(shortBefore.length).toBeGreaterThan(0);
    expect((await index.shortLists(undefined, 100)).map((short) => short.id).sort()).toEqual([...shortBefore].sort());

    const report = await settleRelated({ index, store }, { limit: 100, parameters });
    expect(report.examined).toBe(shortBefore.length);
    expect([...report.refreshed].sort()).toEqual([...shortBefore].sort());
    for (const head of heads) {
      const links = store.lists.get(head.id) ?? [];
      expect(links.length).toBeGreaterThanOrEqual(3);
      expect(links.every((link) => link.section === head.section || !link.fill)).toBe(true);
    }
    expect(await index.shortLists(undefined, 100)).toEqual([]);
    expect(await settleRelated({ index, store }, { limit: 100, parameters })).toEqual({ examined: 0, refreshed: [] });
  });
});
