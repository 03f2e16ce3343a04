import { listFailedSends, replayFailedSends } from '../../shared/use-cases/subscriptions/failed-sends';
import { describeFailedSends, describeInDoubt, listInDoubtAlerts, localAlertsTarget, resolveInDoubtAlert, stageAlertsTarget } from './alerts-target';

/** The flags `newsroom alerts` reads. */
export interface AlertsFlags {
  readonly stage?: string;
  readonly json?: boolean;
  readonly failed?: boolean;
  readonly replay?: string;
  readonly recipient?: string;
  readonly uncertain?: boolean;
  readonly resend?: string;
  readonly 'mark-sent'?: string;
}

/** `newsroom alerts`: in-doubt alerts and failed sends of the local stack or a deployed stage, and their replay. Returns the exit code. */
export async function runAlertsCommand(flags: AlertsFlags, positionals: readonly string[]): Promise<number> {
  const target = flags.stage ? await stageAlertsTarget(flags.stage) : await localAlertsTarget();
  const print = (value: unknown, text: string) => console.log(flags.json ? JSON.stringify(value, null, 2) : text);
  try {
    const resolving = flags.resend ?? flags['mark-sent'];
    if (resolving) {
      const action = flags.resend ? 'resend' : 'mark-sent';
      const done = await resolveInDoubtAlert(target, resolving, action);
      console.log(done ? `${action === 'resend' ? 'resending' : 'marked as sent'}: ${resolving}` : `no alert of ${resolving} is in doubt`);
      return done ? 0 : 1;
    }
    if (flags.replay) {
      const report = await replayFailedSends(target, flags.replay, { address: flags.recipient, includeUncertain: flags.uncertain });
      print(
        report,
        [...report.queued.map((a) => `queued ${a}`), ...report.skipped.map((s) => `skipped ${s.address}: ${s.why}`)].join('\n') ||
          'nothing to replay',
      );
      return 0;
    }
    const failed = await listFailedSends(target.ledger, positionals[0]);
    if (flags.failed) {
      print(failed, describeFailedSends(failed));
      return 0;
    }
    const inDoubt = await listInDoubtAlerts(target.articles);
    print({ inDoubt, failed }, `${describeInDoubt(inDoubt)}\n${describeFailedSends(failed)}`);
    return 0;
  } finally {
    target.close();
  }
}
