import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ENV } from '../../events/names';
import { STREAM_BATCH_SIZES, STREAM_FILTERS } from '../../shared/adapters/article-stream-filters';
import { ArticleStreamConsumer } from './article-stream-consumer';
import type { PipelineFunctionProps } from './pipeline-function';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';
import { TABLE_INDEX_WILDCARD } from './article-store';
import { BUCKET_WRITE_ACTIONS_WILDCARD } from './private-bucket';

/** Properties of {@link Rendering}. */
export interface RenderingProps {
  readonly table: ITable;
  /** Where the stream mapping writes the batches it gave up on. */
  readonly failureBucket: IBucket;
  readonly siteBucket: IBucket;
  /** The public site URL, e.g. `https://news.example.com`. */
  readonly siteUrl: string;
  /** Brand shown on the pages. */
  readonly publication: string;
  /** Function settings other than its environment. */
  readonly function: Omit<PipelineFunctionProps, 'environment'>;
}

/**
 * The render function on the article stream (`STREAM_FILTERS.renderSite`, and
 * `renderBreaking` on a mapping of its own, so breaking news skips the queue):
 * it reads and writes the table (article heads and list items), puts pages
 * (with their edge metadata) into the site bucket without reading or deleting
 * any. It cannot read drafts. It only queues CDN invalidations
 * (`CdnInvalidation.grantRequest`), never calls CloudFront itself.
 */
export class Rendering extends Construct {
  /** The stream consumer: the function and its on-failure destination. */
  readonly consumer: ArticleStreamConsumer;

  constructor(scope: Construct, id: string, props: RenderingProps) {
    super(scope, id);
    this.consumer = new ArticleStreamConsumer(this, 'Consumer', {
      table: props.table,
      failureBucket: props.failureBucket,
      lane: { filter: STREAM_FILTERS.renderSite, batchSize: STREAM_BATCH_SIZES.renderSite },
      priorityLane: { filter: STREAM_FILTERS.renderBreaking, batchSize: STREAM_BATCH_SIZES.renderBreaking },
      function: {
        ...props.function,
        environment: {
          [ENV.tableName]: props.table.tableName,
          [ENV.siteBucket]: props.siteBucket.bucketName,
          [ENV.siteUrl]: props.siteUrl,
          [ENV.publication]: props.publication,
        },
      },
    });
    const fn = this.consumer.function;
    props.table.grantReadWriteData(fn);
    props.siteBucket.grantPut(fn);
    acknowledgeWildcards(fn, BUCKET_WRITE_ACTIONS_WILDCARD, TABLE_INDEX_WILDCARD, {
      finding: /^Resource::.*SiteBucket.*\/\*$/,
      reason: 'A render rewrites any page of the site (article, home, section, tag, feeds), so every key of the site bucket.',
    });
  }
}
