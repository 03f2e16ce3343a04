import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ENV } from '../../events/names';
import { STREAM_BATCH_SIZES, STREAM_FILTERS } from '../../shared/adapters/article-stream-filters';
import { ArticleStreamConsumer } from './article-stream-consumer';
import type { PipelineFunctionProps } from './pipeline-function';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';
import { TABLE_INDEX_WILDCARD } from './article-store';
import { TOPIC_KEY_WILDCARD } from './notifications';

/** Properties of {@link Alerting}. */
export interface AlertingProps {
  readonly table: ITable;
  /** Where the stream mapping writes the batches it gave up on. */
  readonly failureBucket: IBucket;
  readonly alertsTopic: ITopic;
  /** The public site URL the alerts link to. */
  readonly siteUrl: string;
  /** Function settings other than its environment. */
  readonly function: Omit<PipelineFunctionProps, 'environment'>;
}

/**
 * The notify function on the article stream
 * (`STREAM_FILTERS.notifySubscribers`, and `notifyBreaking` on a mapping of
 * its own, so breaking news skips the queue): it publishes to the alerts topic
 * only, reads article heads and updates them (the alert claim and the
 * stage flip): no put, scan, query, delete or batch write.
 */
export class Alerting extends Construct {
  /** The stream consumer: the function and its on-failure destination. */
  readonly consumer: ArticleStreamConsumer;

  constructor(scope: Construct, id: string, props: AlertingProps) {
    super(scope, id);
    this.consumer = new ArticleStreamConsumer(this, 'Consumer', {
      table: props.table,
      failureBucket: props.failureBucket,
      lane: { filter: STREAM_FILTERS.notifySubscribers, batchSize: STREAM_BATCH_SIZES.notifySubscribers },
      priorityLane: { filter: STREAM_FILTERS.notifyBreaking, batchSize: STREAM_BATCH_SIZES.notifyBreaking },
      function: {
        ...props.function,
        environment: {
          [ENV.tableName]: props.table.tableName,
          [ENV.alertsTopicArn]: props.alertsTopic.topicArn,
          [ENV.siteUrl]: props.siteUrl,
        },
      },
    });
    const fn = this.consumer.function;
    props.table.grant(fn, 'dynamodb:GetItem', 'dynamodb:UpdateItem');
    props.alertsTopic.grantPublish(fn);
    acknowledgeWildcards(fn, TABLE_INDEX_WILDCARD, TOPIC_KEY_WILDCARD);
  }
}
