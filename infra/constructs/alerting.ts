import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ENV } from '../../events/names';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';
import { TABLE_INDEX_WILDCARD } from './article-store';
import { TOPIC_KEY_WILDCARD } from './notifications';
import type { PipelineFunction } from './pipeline-function';

/** Properties of {@link Alerting}. */
export interface AlertingProps {
  readonly table: ITable;
  readonly alertsTopic: ITopic;
  /** The public site URL the alerts link to. */
  readonly siteUrl: string;
  /** The article stream's consumer, whose alert job this gives what it needs. */
  readonly function: PipelineFunction;
}

/**
 * The alert job of the article stream's consumer (`ArticleStreamConsumer`): its environment, and its grants: it
 * publishes to the alerts topic only, reads article heads and updates them (the alert claim and the stage flip).
 * Alone it would need no put, scan, query, delete or batch write; sharing a function with the render job (AWS
 * allows two readers of a stream shard, so one consumer serves both jobs) its role holds the render job's too.
 */
export class Alerting extends Construct {
  constructor(scope: Construct, id: string, props: AlertingProps) {
    super(scope, id);
    const fn = props.function;
    fn.addEnvironment(ENV.tableName, props.table.tableName);
    fn.addEnvironment(ENV.alertsTopicArn, props.alertsTopic.topicArn);
    fn.addEnvironment(ENV.siteUrl, props.siteUrl);
    props.table.grant(fn, 'dynamodb:GetItem', 'dynamodb:UpdateItem');
    props.alertsTopic.grantPublish(fn);
    acknowledgeWildcards(fn, TABLE_INDEX_WILDCARD, TOPIC_KEY_WILDCARD);
  }
}
