import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ENV } from '../../events/names';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';
import { TABLE_INDEX_WILDCARD } from './article-store';
import type { PipelineFunction } from './pipeline-function';
import { BUCKET_WRITE_ACTIONS_WILDCARD } from './private-bucket';

/** Properties of {@link Rendering}. */
export interface RenderingProps {
  readonly table: ITable;
  readonly siteBucket: IBucket;
  /** The public site URL, e.g. `https://news.example.com`. */
  readonly siteUrl: string;
  /** Brand shown on the pages. */
  readonly publication: string;
  /** The article stream's consumer, whose render job this gives what it needs. */
  readonly function: PipelineFunction;
}

/**
 * The render job of the article stream's consumer (`ArticleStreamConsumer`): its environment, and its grants: it
 * reads and writes the table (article heads and list items), puts pages (with their edge metadata) into the site
 * bucket without reading or deleting any. It cannot read drafts. It only queues CDN invalidations
 * (`CdnInvalidation.grantRequest`), never calls CloudFront itself.
 */
export class Rendering extends Construct {
  constructor(scope: Construct, id: string, props: RenderingProps) {
    super(scope, id);
    const fn = props.function;
    fn.addEnvironment(ENV.tableName, props.table.tableName);
    fn.addEnvironment(ENV.siteBucket, props.siteBucket.bucketName);
    fn.addEnvironment(ENV.siteUrl, props.siteUrl);
    fn.addEnvironment(ENV.publication, props.publication);
    props.table.grantReadWriteData(fn);
    props.siteBucket.grantPut(fn);
    acknowledgeWildcards(fn, BUCKET_WRITE_ACTIONS_WILDCARD, TABLE_INDEX_WILDCARD, {
      finding: /^Resource::.*SiteBucket.*\/\*$/,
      reason: 'A render rewrites any page of the site (article, home, section, tag, feeds), so every key of the site bucket.',
    });
  }
}
