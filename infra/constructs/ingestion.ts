import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { FoundationModel, FoundationModelIdentifier } from 'aws-cdk-lib/aws-bedrock';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config';
import { DRAFTS_PREFIX, ENV, REPORTS_PREFIX } from '../../events/names';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';
import { TABLE_INDEX_WILDCARD } from './article-store';
import { TOPIC_KEY_WILDCARD } from './notifications';
import { PipelineFunction, type PipelineFunctionProps } from './pipeline-function';
import { BUCKET_READ_ACTIONS_WILDCARD, BUCKET_WRITE_ACTIONS_WILDCARD } from './private-bucket';

/** Properties of {@link Ingestion}. */
export interface IngestionProps {
  /** The intake queue of draft notifications. */
  readonly queue: IQueue;
  readonly draftsBucket: IBucket;
  readonly table: ITable;
  readonly editorsTopic: ITopic;
  /** The public site URL the draft reports link to. */
  readonly siteUrl: string;
  /** Function settings other than its environment. */
  readonly function: Omit<PipelineFunctionProps, 'environment'>;
  /** Who writes missing takeaways. @default the extractive method (no Bedrock access) */
  readonly takeaways?: StageConfig['takeaways'];
}

/**
 * The ingest function on the intake queue: batches of up to ten draft
 * notifications with partial batch failures. It reads `drafts/`, writes
 * reports under `reports/`, writes the table and tells editors; nothing else.
 * The stack adds schedule management (`Scheduling.grantManageSchedules`).
 */
export class Ingestion extends Construct {
  /** The ingest function. */
  readonly function: PipelineFunction;

  constructor(scope: Construct, id: string, props: IngestionProps) {
    super(scope, id);
    this.function = new PipelineFunction(this, 'Function', {
      ...props.function,
      environment: {
        [ENV.tableName]: props.table.tableName,
        [ENV.draftsBucket]: props.draftsBucket.bucketName,
        [ENV.editorsTopicArn]: props.editorsTopic.topicArn,
        [ENV.siteUrl]: props.siteUrl,
        [ENV.takeawaysProvider]: props.takeaways?.provider ?? 'extractive',
        ...(props.takeaways?.provider === 'bedrock' ? { [ENV.bedrockModelId]: props.takeaways.modelId } : {}),
      },
    });
    if (props.takeaways?.provider === 'bedrock') {
      // Bedrock models have no grant* method; Converse is authorised by InvokeModel on the one model.
      const model = FoundationModel.fromFoundationModelId(this, 'TakeawaysModel', new FoundationModelIdentifier(props.takeaways.modelId));
      this.function.addToRolePolicy(new PolicyStatement({ actions: ['bedrock:InvokeModel'], resources: [model.modelArn] }));
    }
    this.function.addEventSource(new SqsEventSource(props.queue, { batchSize: 10, reportBatchItemFailures: true }));
    props.draftsBucket.grantRead(this.function, `${DRAFTS_PREFIX}*`);
    props.draftsBucket.grantPut(this.function, `${REPORTS_PREFIX}*`);
    props.table.grantReadWriteData(this.function);
    props.editorsTopic.grantPublish(this.function);
    acknowledgeWildcards(
      this.function,
      BUCKET_READ_ACTIONS_WILDCARD,
      BUCKET_WRITE_ACTIONS_WILDCARD,
      TABLE_INDEX_WILDCARD,
      TOPIC_KEY_WILDCARD,
      { finding: /\/drafts\/\*$/, reason: 'Any draft under drafts/ may arrive; nothing outside that prefix is readable.' },
      { finding: /\/reports\/\*$/, reason: 'One report per draft, written under reports/ only.' },
    );
  }
}
