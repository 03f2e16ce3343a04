import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { functionEntry, type PipelineFunctionName } from '../config/paths';
import type { StageConfig } from '../config/stage-config';
import { Alerting } from '../constructs/alerting';
import { CdnInvalidation } from '../constructs/cdn-invalidation';
import { Ingestion } from '../constructs/ingestion';
import { Triage } from '../constructs/triage';
import { Monitoring } from '../constructs/monitoring';
import { ReaderAlerts, type ReaderFunctionName } from '../constructs/reader-alerts';
import { Reconciliation } from '../constructs/reconciliation';
import { Rendering } from '../constructs/rendering';
import { Scheduling } from '../constructs/scheduling';
import type { DataStack } from './data-stack';

/** Handler entry files by function. */
export type FunctionEntries = Readonly<Record<PipelineFunctionName, string>>;

/** Properties of an {@link AppStack}. */
export interface AppStackProps extends StackProps {
  readonly config: StageConfig;
  /** The stage's stateful resources. */
  readonly data: DataStack;
  /** Handler entries to use instead of `functions/<name>/handler.ts`, by function. */
  readonly entries?: Partial<FunctionEntries>;
  /** @default - `functions/<name>/handler.ts` */
  readonly readerEntries?: Partial<Record<ReaderFunctionName, string>>;
}

/**
 * The stateless half of a stage: the functions and their event sources,
 * scheduling, and monitoring. Safe to destroy and redeploy.
 */
export class AppStack extends Stack {
  readonly triage: Triage;
  readonly ingestion: Ingestion;
  readonly rendering: Rendering;
  readonly invalidation: CdnInvalidation;
  readonly alerting: Alerting;
  readonly scheduling: Scheduling;
  readonly reconciliation: Reconciliation;
  readonly monitoring: Monitoring;
  /** The reader side, when the stage configures `readers`. */
  readonly readers?: ReaderAlerts;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { config, data } = props;
    const entries = { ...defaultFunctionEntries(), ...props.entries };
    const logRetention = config.logRetentionDays as RetentionDays;
    const fn = (serviceName: string, entry: string) => ({ serviceName, entry, logRetention });

    this.triage = new Triage(this, 'Triage', {
      intake: data.intake,
      function: fn('triage-draft', entries['triage-draft']),
    });
    this.ingestion = new Ingestion(this, 'Ingestion', {
      lanes: { priority: data.intake.priorityQueue, bulk: data.intake.bulkQueue },
      draftsBucket: data.intake.draftsBucket,
      table: data.articleStore.table,
      editorsTopic: data.notifications.editorsTopic,
      siteBucket: data.site.siteBucket,
      siteUrl: data.site.siteUrl,
      publication: config.publication,
      takeaways: config.takeaways,
      function: { ...fn('ingest-draft', entries['ingest-draft']), timeout: Duration.seconds(30) },
    });
    this.rendering = new Rendering(this, 'Rendering', {
      table: data.articleStore.table,
      siteBucket: data.site.siteBucket,
      siteUrl: data.site.siteUrl,
      publication: config.publication,
      function: { ...fn('render-site', entries['render-site']), timeout: Duration.minutes(2), memorySize: 1024 },
    });
    this.invalidation = new CdnInvalidation(this, 'Invalidation', {
      distribution: data.site.distribution,
      function: fn('invalidate-cdn', entries['invalidate-cdn']),
    });
    this.invalidation.grantRequest(this.rendering.consumer.function);
    this.alerting = new Alerting(this, 'Alerting', {
      table: data.articleStore.table,
      alertsTopic: data.notifications.alertsTopic,
      siteUrl: data.site.siteUrl,
      function: fn('notify-subscribers', entries['notify-subscribers']),
    });
    this.scheduling = new Scheduling(this, 'Scheduling', {
      table: data.articleStore.table,
      schedules: data.publishSchedules,
      publishFunction: fn('publish-scheduled', entries['publish-scheduled']),
    });
    this.scheduling.grantManageSchedules(this.ingestion.function);
    this.reconciliation = new Reconciliation(this, 'Reconciliation', {
      table: data.articleStore.table,
      function: { ...fn('reconcile-pipeline', entries['reconcile-pipeline']), timeout: Duration.minutes(5) },
    });
    if (config.readers && data.subscribers) {
      this.readers = new ReaderAlerts(this, 'Readers', {
        config: config.readers,
        table: data.subscribers.table,
        alertsTopic: data.notifications.alertsTopic,
        siteUrl: data.site.siteUrl,
        publication: config.publication,
        logRetention,
        ...(props.readerEntries ? { entries: props.readerEntries } : {}),
      });
    }

    this.monitoring = new Monitoring(this, 'Monitoring', {
      opsTopic: data.notifications.opsTopic,
      dashboardName: `Newsroom-${config.name}`,
      functions: [
        { name: 'TriageDraft', function: this.triage.function },
        { name: 'IngestDraft', function: this.ingestion.function },
        { name: 'RenderSite', function: this.rendering.consumer.function, streamConsumer: true },
        { name: 'NotifySubscribers', function: this.alerting.consumer.function, streamConsumer: true },
        { name: 'PublishScheduled', function: this.scheduling.publishFunction },
        { name: 'InvalidateCdn', function: this.invalidation.function },
        { name: 'ReconcilePipeline', function: this.reconciliation.function },
      ],
      deadLetterQueues: {
        IntakeDeadLetter: data.intake.deadLetterQueue,
        RenderSiteFailures: this.rendering.consumer.failureQueue,
        NotifySubscribersFailures: this.alerting.consumer.failureQueue,
        PublishScheduledFailures: data.publishSchedules.deadLetterQueue,
        InvalidationDeadLetter: this.invalidation.deadLetterQueue,
      },
      workQueues: { Intake: data.intake.queue, IntakePriority: data.intake.priorityQueue, IntakeBulk: data.intake.bulkQueue },
    });
  }
}

/** The real handler entries, `functions/<name>/handler.ts`. */
export function defaultFunctionEntries(): FunctionEntries {
  return {
    'triage-draft': functionEntry('triage-draft'),
    'ingest-draft': functionEntry('ingest-draft'),
    'render-site': functionEntry('render-site'),
    'notify-subscribers': functionEntry('notify-subscribers'),
    'publish-scheduled': functionEntry('publish-scheduled'),
    'invalidate-cdn': functionEntry('invalidate-cdn'),
    'reconcile-pipeline': functionEntry('reconcile-pipeline'),
  };
}
