import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '../../events/names';
import { TABLE_INDEXES } from '../../events/names';
import type { WildcardAcknowledgment } from '../nag/wildcard-acknowledgments';

/** The `<table>/index/*` resource every table data grant carries. */
export const TABLE_INDEX_WILDCARD: WildcardAcknowledgment = {
  finding: /^Resource::.*ArticleStoreTable.*\/index\/\*$/,
  reason: "Table grants cover the article table's own indexes (GSI1 listings); no other table.",
};

/** Properties of {@link ArticleStore}. */
export interface ArticleStoreProps {
  /** Removal policy of the table. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The article table, the pipeline's single source of truth: on-demand,
 * point-in-time recovery, deletion protection when it is retained (a
 * destroyable stage can be torn down), and a stream of new and old
 * images that drives rendering and alerts.
 */
export class ArticleStore extends Construct {
  /** The article table (`PK`/`SK`, index `GSI1`). */
  readonly table: Table;

  constructor(scope: Construct, id: string, props: ArticleStoreProps) {
    super(scope, id);
    const gsi1 = TABLE_INDEXES.byPublished;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.removalPolicy === RemovalPolicy.RETAIN,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      removalPolicy: props.removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: gsi1.indexName,
      partitionKey: { name: gsi1.partitionKey, type: AttributeType.STRING },
      sortKey: { name: gsi1.sortKey, type: AttributeType.STRING },
    });
  }
}
