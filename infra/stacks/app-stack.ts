import { Duration, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import { SUBSCRIBER_ENV } from '../../events/subscriber-names';
import { apiOriginSecretName } from '../config/stage-parameters';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { functionEntry, type PipelineFunctionName } from '../config/paths';
import type { StageConfig } from '../config/stage-config';
import { Alerting } from '../constructs/alerting';
import { ArticleStreamConsumer } from '../constructs/article-stream-consumer';
import { STREAM_BATCH_SIZES, STREAM_CONSUMER_NAME, STREAM_FILTERS } from '../../shared/adapters/article-stream-filters';
import { CdnInvalidation } from '../constructs/cdn-invalidation';
import { Ingestion } from '../constructs/ingestion';
import { Triage } from '../constructs/triage';
import { Monitoring } from '../constructs/monitoring';
import { ReaderAlerts, type ReaderFunctionName } from '../constructs/reader-alerts';
import { SUBSCRIBER_INDEX_WILDCARD } from '../constructs/subscriber-table';
import { Reconciliation } from '../constructs/reconciliation';
import { Rendering } from '../constructs/rendering';
import { Scheduling } from '../constructs/scheduling';
import { SubscriptionApiRoute } from '../constructs/subscription-api-route';
import { ImportedData } from '../constructs/data-references';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';

/** Handler entry files by function. */
export type FunctionEntries = Readonly<Record<PipelineFunctionName, string>>;

/** Properties of an {@link AppStack}. */
export interface AppStackProps extends StackProps {
  readonly config: StageConfig;
  /** The stage's Data stack: deployed first; its values reach this stack through SSM parameters only. */
  readonly data: Stack;
  /** Handler entries to use instead of `functions/<name>/handler.ts`, by function. */
  readonly entries?: Partial<FunctionEntries>;
  /** @default - `functions/<name>/handler.ts` */
  readonly readerEntries?: Partial<Record<ReaderFunctionName, string>>;
}

/**
 * The stateless half of a stage: the functions and their event sources,
 * scheduling, and monitoring. Safe to destroy and redeploy. It holds no
 * reference to the Data stack's resources: it reads their names from the
 * stage's SSM parameters (`ImportedData`), so it imports no export.
 */
export class AppStack extends Stack {
  readonly triage: Triage;
  readonly ingestion: Ingestion;
  /** The article stream's one consumer (render and alert jobs), on its two mappings. */
  readonly streamConsumer: ArticleStreamConsumer;
  /** The render job's environment and grants on the stream consumer. */
  readonly rendering: Rendering;
  readonly invalidation: CdnInvalidation;
  /** The alert job's environment and grants on the stream consumer. */
  readonly alerting: Alerting;
  readonly scheduling: Scheduling;
  readonly reconciliation: Reconciliation;
  readonly monitoring: Monitoring;
  /** The reader side, when the stage configures `readers`. */
  readonly readers?: ReaderAlerts;
  /** The Data stack's resources, imported by name. */
  readonly data: ImportedData;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.addStackDependency(props.data, 'reads the SSM parameters the Data stack writes');
    const data = new ImportedData(this, 'Data', { stage: config.name, readers: Boolean(config.readers) });
    this.data = data;
    const entries = { ...defaultFunctionEntries(), ...props.entries };
    const logRetention = config.logRetentionDays as RetentionDays;
    const fn = (serviceName: string, entry: string) => ({ serviceName, entry, logRetention });

    this.triage = new Triage(this, 'Triage', {
      intake: {
        draftsBucket: data.draftsBucket,
        queue: data.intakeQueue,
        priorityQueue: data.intakePriorityQueue,
        bulkQueue: data.intakeBulkQueue,
      },
      function: fn('triage-draft', entries['triage-draft']),
    });
    this.ingestion = new Ingestion(this, 'Ingestion', {
      lanes: { priority: data.intakePriorityQueue, bulk: data.intakeBulkQueue },
      draftsBucket: data.draftsBucket,
      table: data.articleTable,
      editorsTopic: data.editorsTopic,
      siteBucket: data.siteBucket,
      siteUrl: data.siteUrl,
      publication: config.publication,
      takeaways: config.takeaways,
      function: { ...fn('ingest-draft', entries['ingest-draft']), timeout: Duration.seconds(30) },
    });
    this.streamConsumer = new ArticleStreamConsumer(this, 'StreamConsumer', {
      table: data.articleTable,
      failureBucket: data.streamFailureBucket,
      lane: { filter: STREAM_FILTERS.bulk, batchSize: STREAM_BATCH_SIZES.bulk },
      priorityLane: { filter: STREAM_FILTERS.breaking, batchSize: STREAM_BATCH_SIZES.breaking },
      function: { ...fn(STREAM_CONSUMER_NAME, entries[STREAM_CONSUMER_NAME]), timeout: Duration.minutes(2), memorySize: 1024 },
    });
    const consumer = this.streamConsumer.function;
    this.rendering = new Rendering(this, 'Rendering', {
      table: data.articleTable,
      siteBucket: data.siteBucket,
      siteUrl: data.siteUrl,
      publication: config.publication,
      function: consumer,
    });
    this.invalidation = new CdnInvalidation(this, 'Invalidation', {
      distribution: data.distribution,
      function: fn('invalidate-cdn', entries['invalidate-cdn']),
    });
    this.invalidation.grantRequest(consumer);
    this.alerting = new Alerting(this, 'Alerting', {
      table: data.articleTable,
      alertsTopic: data.alertsTopic,
      siteUrl: data.siteUrl,
      function: consumer,
    });
    this.scheduling = new Scheduling(this, 'Scheduling', {
      table: data.articleTable,
      schedules: data.publishSchedules,
      publishFunction: fn('publish-scheduled', entries['publish-scheduled']),
    });
    this.scheduling.grantManageSchedules(this.ingestion.function);
    this.reconciliation = new Reconciliation(this, 'Reconciliation', {
      table: data.articleTable,
      function: { ...fn('reconcile-pipeline', entries['reconcile-pipeline']), timeout: Duration.minutes(5) },
    });
    if (config.readers && data.subscriberTable) {
      this.readers = new ReaderAlerts(this, 'Readers', {
        config: config.readers,
        table: data.subscriberTable,
        alertsTopic: data.alertsTopic,
        siteUrl: data.siteUrl,
        publication: config.publication,
        logRetention,
        ...(props.readerEntries ? { entries: props.readerEntries } : {}),
      });
      const { apiFunction, planner, sender, suppressor } = this.readers;
      for (const fn of [apiFunction, planner, sender, suppressor]) acknowledgeWildcards(fn, SUBSCRIBER_INDEX_WILDCARD);
      if (data.subscriptionApiId) {
        new SubscriptionApiRoute(this, 'SubscriptionApiRoute', { apiId: data.subscriptionApiId, function: this.readers.apiFunction });
        // Resolved at deploy (a dynamic reference by name): the function refuses requests that skipped CloudFront.
        apiFunction.addEnvironment(SUBSCRIBER_ENV.originToken, SecretValue.secretsManager(apiOriginSecretName(config.name)).unsafeUnwrap());
      }
    }

    this.monitoring = new Monitoring(this, 'Monitoring', {
      opsTopic: data.opsTopic,
      dashboardName: `Newsroom-${config.name}`,
      functions: [
        { name: 'TriageDraft', function: this.triage.function },
        { name: 'IngestDraft', function: this.ingestion.function },
        { name: 'StreamConsumer', function: consumer, streamConsumer: true },
        { name: 'PublishScheduled', function: this.scheduling.publishFunction },
        { name: 'InvalidateCdn', function: this.invalidation.function },
        { name: 'ReconcilePipeline', function: this.reconciliation.function },
      ],
      deadLetterQueues: {
        IntakeDeadLetter: data.intakeDeadLetterQueue,
        PublishScheduledFailures: data.publishSchedules.deadLetterQueue,
        InvalidationDeadLetter: this.invalidation.deadLetterQueue,
      },
      workQueues: { Intake: data.intakeQueue, IntakePriority: data.intakePriorityQueue, IntakeBulk: data.intakeBulkQueue },
      givenUp: { StreamConsumerFailures: this.streamConsumer.givenUpMetric },
    });
  }
}

/** The real handler entries, `functions/<name>/handler.ts`. */
export function defaultFunctionEntries(): FunctionEntries {
  return {
    'triage-draft': functionEntry('triage-draft'),
    'ingest-draft': functionEntry('ingest-draft'),
    [STREAM_CONSUMER_NAME]: functionEntry(STREAM_CONSUMER_NAME),
    'publish-scheduled': functionEntry('publish-scheduled'),
    'invalidate-cdn': functionEntry('invalidate-cdn'),
    'reconcile-pipeline': functionEntry('reconcile-pipeline'),
  };
}
