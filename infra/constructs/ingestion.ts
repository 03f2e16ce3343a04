import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config';
import { DRAFTS_PREFIX, ENV, INGEST_LANES, PREVIEW_SITE_PREFIX, PREVIEWS_PREFIX, REPORTS_PREFIX, SITE_IMAGES_PREFIX } from '../../events/names';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';
import { TABLE_INDEX_WILDCARD } from './article-store';
import { TOPIC_KEY_WILDCARD } from './notifications';
import { PipelineFunction, type PipelineFunctionProps } from './pipeline-function';
import { bedrockInvokeStatements } from './bedrock-access';
import { BUCKET_WRITE_ACTIONS_WILDCARD } from './private-bucket';

/** Properties of {@link Ingestion}. */
export interface IngestionProps {
  /** The lanes of triaged draft notifications: breaking news (priority) and the rest (bulk). */
  readonly lanes: { readonly priority: IQueue; readonly bulk: IQueue };
  readonly draftsBucket: IBucket;
  readonly table: ITable;
  readonly editorsTopic: ITopic;
  /** The site bucket: a draft's image is copied under `assets/images/`, previews are written under `preview/`. */
  readonly siteBucket: IBucket;
  /** The public site URL the draft reports link to. */
  readonly siteUrl: string;
  /** Brand shown on preview pages. @default `Newsroom` */
  readonly publication?: string;
  /** Function settings other than its environment. */
  readonly function: Omit<PipelineFunctionProps, 'environment'>;
  /** Who writes missing takeaways. @default the extractive method (no Bedrock access) */
  readonly takeaways?: StageConfig['takeaways'];
}

/**
 * The ingest function on the two lanes triage fills: breaking drafts one at
 * a time from the priority queue, the rest in batches of up to ten from the
 * bulk queue, with partial batch failures. It reads `drafts/` and
 * `previews/`, writes reports under `reports/`, copies images to the site's
 * `assets/images/` and previews to its `preview/`, writes the table and
 * tells editors; nothing else.
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
        [ENV.siteBucket]: props.siteBucket.bucketName,
        [ENV.siteUrl]: props.siteUrl,
        ...(props.publication ? { [ENV.publication]: props.publication } : {}),
        [ENV.takeawaysProvider]: props.takeaways?.provider ?? 'extractive',
        ...(props.takeaways?.provider === 'bedrock' ? { [ENV.bedrockModelId]: props.takeaways.modelId } : {}),
      },
    });
    if (props.takeaways?.provider === 'bedrock') {
      for (const statement of bedrockInvokeStatements(this, props.takeaways.modelId)) this.function.addToRolePolicy(statement);
    }
    // Two event source mappings, each with its own pollers: a breaking draft never queues behind a burst.
    for (const lane of ['priority', 'bulk'] as const) {
      this.function.addEventSource(new SqsEventSource(props.lanes[lane], { batchSize: INGEST_LANES[lane].batchSize, reportBatchItemFailures: true }));
    }
    // Reads a named draft only: no listing or bucket metadata (grantRead would add s3:List* and s3:GetBucket* on the bucket).
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [props.draftsBucket.arnForObjects(`${DRAFTS_PREFIX}*`)] }),
    );
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [props.draftsBucket.arnForObjects(`${PREVIEWS_PREFIX}*`)] }),
    );
    props.draftsBucket.grantPut(this.function, `${REPORTS_PREFIX}*`);
    props.siteBucket.grantPut(this.function, `${SITE_IMAGES_PREFIX}*`);
    props.siteBucket.grantPut(this.function, `${PREVIEW_SITE_PREFIX}*`);
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
        reason:
          'A cross-Region inference profile routes to its model in several Regions; allowed only through that one profile (bedrock:InferenceProfileArn).',
      },
      { finding: /\/previews\/\*$/, reason: 'Any draft to preview under previews/ may arrive; read only.' },
      { finding: /\/assets\/images\/\*$/, reason: 'Images copied under content-hashed names, under assets/images/ only.' },
      { finding: /\/preview\/\*$/, reason: 'One page per preview, under preview/ only.' },
    );
  }
}
