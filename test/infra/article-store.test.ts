import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_KEYS } from '../../events/names';
import { TABLE_INDEXES } from '../../events/names';
import { synthStage, type SynthesizedStage } from './support/synth-stage';

let table: Record<string, any>;

beforeAll(() => {
  const stage: SynthesizedStage = synthStage();
  const [resource] = Object.values(stage.data.findResources('AWS::DynamoDB::Table'));
  table = resource!.Properties;
});

describe('article table', () => {
  it('is keyed by the shared partition and sort key names', () => {
    expect(table.KeySchema).toEqual([
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ]);
  });

  it('bills on demand', () => {
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('has point-in-time recovery', () => {
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it('is protected from deletion', () => {
    expect(table.DeletionProtectionEnabled).toBe(true);
  });

  it('streams new and old images', () => {
    expect(table.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('has the GSI1 index on string keys', () => {
    const gsi = TABLE_INDEXES.byPublished;
    expect(table.GlobalSecondaryIndexes).toEqual([
      expect.objectContaining({
        IndexName: gsi.indexName,
        KeySchema: [
          { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
          { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
        ],
      }),
    ]);
    expect(table.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: gsi.partitionKey, AttributeType: 'S' },
        { AttributeName: gsi.sortKey, AttributeType: 'S' },
      ]),
    );
  });
});
