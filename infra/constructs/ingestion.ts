import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config';
import { DRAFTS_PREFIX, ENV, REPORTS_PREFIX } from '../../events/names';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';
import { TABLE_INDEX_WILDCARD } from './article-store';
import { TOPIC_KEY_WILDCARD } from './notifications';
import { PipelineFunction, type PipelineFunctionProps } from './pipeline-function';
import { bedrockInvokeStatements } from './bedrock-access';
import { BUCKET_WRITE_ACTIONS_WILDCARD } from './private-bucket';

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
      for (const statement of bedrockInvokeStatements(this, props.takeaways.modelId)) this.function.addToRolePolicy(statement);
    }
    this.function.addEventSource(new SqsEventSource(props.queue, { batchSize: 10, reportBatchItemFailures: true }));
    // Reads a named draft only: no listing or bucket metadata (grantRead would add s3:List* and s3:GetBucket* on the bucket).
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [props.draftsBucket.arnForObjects(`${DRAFTS_PREFIX}*`)] }),
    );
    props.draftsBucket.grantPut(this.function, `${REPORTS_PREFIX}*`);
    props.table.grantReadWriteData(this.function);
    props.editorsTopic.grantPublish(this.function);
    acknowledgeWildcards(
      this.function,
      BUCKET_WRITE_ACTIONS_WILDCARD,
      TABLE_INDEX_WILDCARD,
      TOPIC_KEY_WILDCARD,
      { finding: /\/drafts\/\*$/, reason: 'Any draft under drafts/ may arrive; nothing outside that prefix is readable.' },
      { finding: /\/reports\/\*$/, reason: 'One report per draft, written under reports/ only.' },
      {
        finding: /^Resource::arn:<AWS::Partition>:bedrock:\*::foundation-model\/.+$/,
        reason: 'A cross-Region inference profile routes to its model in several Regions; allowed only through that one profile (bedrock:InferenceProfileArn).',
      },
    );
  }
}
