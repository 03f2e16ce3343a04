import type { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { SUBSCRIBER_INDEXES, SUBSCRIBER_TABLE_KEYS } from '../../events/subscriber-names';
import type { WildcardAcknowledgment } from '../nag/wildcard-acknowledgments';

/** The `<table>/index/*` resource every subscriber table data grant carries. */
export const SUBSCRIBER_INDEX_WILDCARD: WildcardAcknowledgment = {
  finding: /^Resource::.*SubscribersTable.*\/index\/\*$/,
  reason: "Subscriber table grants cover that table's own interest index (GSI1, paged by a send); no other table.",
};

/** Properties of {@link SubscriberTable}. */
export interface SubscriberTableProps {
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The subscriber table: readers (address, choices, status), browser push
 * subscriptions, their sparse interest index (`GSI1`, projecting only what a
 * send needs), rate-limit counters and send-ledger records, which expire
 * through TTL on `expiresAt`. On-demand, point-in-time recovery.
 */
export class SubscriberTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: SubscriberTableProps) {
    super(scope, id);
    const index = SUBSCRIBER_INDEXES.byInterest;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: SUBSCRIBER_TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: SUBSCRIBER_TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: 'expiresAt',
      removalPolicy: props.removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.INCLUDE,
      nonKeyAttributes: ['email', 'endpoint', 'p256dh', 'auth'],
    });
  }
}
