import { parseArgs } from 'node:util';

const USAGE = `Usage: npm run -s newsroom -- <command>

Commands:
  check FILE... [--json]   Validate drafts offline; exit 1 if any is invalid.
  publish FILE... [--stage NAME]
                           Upload drafts to the drafts bucket (the local stack's, or a deployed stage's).
  smoke [--stage NAME]     Publish a canary draft, fetch its page through the CDN, withdraw it; fails if a step times out.
  status [--stage NAME] [--json]
                           Queue depths, dead letters, heads stuck in a stage, last publish.
  timeline SLUG [--stage NAME] [--json]
                           Draft saved → ingested → rendered → invalidated → alerted, with times.
  preview FILE [--stage NAME]
                           Render a draft at an unlisted, expiring address (nothing is published) and print its URL.
  rebuild                  Re-render the whole site of the running local stack from its table.
  import DIR [--stage NAME]
                           Load an archive of drafts (.md/.json) as published history: original dates (publishAt, else
                           the file's date), no alerts, one rebuild at the end; Ctrl-C stops, a rerun resumes.
  reconcile [--older-than SECONDS]
                           Drive on article heads stuck in a stage longer than SECONDS (default 600), as the
                           reconciler does every 15 minutes on AWS.
  settle [--limit N] [--section S]
                           Related-links settle pass: articles with fewer than 3 related links (up to N, default
                           100; of one section with --section) get close matches or recent stories of their section,
                           as the reconciler does on AWS.
  redrive [--stage NAME]   Replay what the local stack or a deployed stage gave up on: dead-lettered intake messages
                           and invalidation requests, and the article versions of stream failure records.
  subscribe --email ADDRESS [--sections A,B] [--tags X,Y] [--breaking-only]
                           Sign an address up on the local site, as the /subscribe/ form does (a confirmation email follows).
  subscribers [--json] [--export EMAIL | --delete EMAIL]
                           List the local readers by channel (email readers; app endpoints on the alerts topic);
                           --export prints what is stored about an address, --delete erases it.
  mail [--json]            List the emails the local SES endpoint accepted (to, subject, headers, text, html).
  alerts [--stage NAME] [--json]
                           Alerts in doubt (claimed, never recorded as sent) and recipients not certainly sent
                           (every alerts form below takes --stage: a deployed stage with readers).
  alerts --failed [ALERT] [--json]
                           Recipients of one alert (id#version) or of all alerts that were not certainly sent,
                           with their state now: not-sent, uncertain (may have been sent) or sent (by a replay).
  alerts --replay ALERT [--recipient ADDRESS] [--uncertain]
                           Send an alert again to its not-sent recipients (each at most once; --uncertain also
                           those who may already have it).
  alerts --resend ID | --mark-sent ID
                           Resolve an alert in doubt: publish it again, or record that it went out.`;

const list = (value: string | undefined) =>
  value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [];

/** The `newsroom` command line. Returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: [...rest],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      stage: { type: 'string' },
      email: { type: 'string' },
      sections: { type: 'string' },
      tags: { type: 'string' },
      'breaking-only': { type: 'boolean', default: false },
      'older-than': { type: 'string' },
      limit: { type: 'string' },
      section: { type: 'string' },
      export: { type: 'string' },
      delete: { type: 'string' },
      failed: { type: 'boolean', default: false },
      replay: { type: 'string' },
      recipient: { type: 'string' },
      uncertain: { type: 'boolean', default: false },
      resend: { type: 'string' },
      'mark-sent': { type: 'string' },
    },
  });
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  // Each command loads its own modules: a cold `newsroom rebuild` need not load the SDK clients of every other command.
  switch (command) {
    case 'check': {
      const { checkDraftFile, describeCheck } = await import('./check-command');
      if (positionals.length === 0) throw new Error('check needs at least one FILE');
      const results = await Promise.all(positionals.map(checkDraftFile));
      console.log(values.json ? JSON.stringify(results, null, 2) : results.map(describeCheck).join('\n'));
      return results.every((result) => result.valid) ? 0 : 1;
    }
    case 'publish': {
      const { resolveTarget } = await import('./cli-targets');
      const { publishDrafts } = await import('./publish-command');
      if (positionals.length === 0) throw new Error('publish needs at least one FILE');
      const keys = await publishDrafts(await resolveTarget(values.stage), positionals);
      for (const key of keys) console.log(`uploaded ${key}`);
      return 0;
    }
    case 'smoke': {
      const { resolveTarget } = await import('./cli-targets');
      const { describeSmoke, runSmokeTest } = await import('./smoke-command');
      console.log(describeSmoke(await runSmokeTest(await resolveTarget(values.stage))));
      return 0;
    }
    case 'status': {
      const { localOperationsTarget, stageOperationsTarget } = await import('./operations-target');
      const { collectStatus, describeStatus } = await import('./status-command');
      const target = values.stage ? await stageOperationsTarget(values.stage) : await localOperationsTarget();
      const report = await collectStatus(target);
      console.log(values.json ? JSON.stringify(report, null, 2) : describeStatus(report));
      return 0;
    }
    case 'timeline': {
      const { localOperationsTarget, stageOperationsTarget } = await import('./operations-target');
      const { buildTimeline, describeTimeline } = await import('./timeline-command');
      const [slug] = positionals;
      if (!slug) throw new Error('timeline needs a SLUG');
      const target = values.stage ? await stageOperationsTarget(values.stage) : await localOperationsTarget();
      const head = await target.table.headBySlug(slug);
      if (!head) throw new Error(`no article has the slug "${slug}"`);
      const entries = buildTimeline(head, await target.milestones([head.id, head.draftKey]));
      console.log(values.json ? JSON.stringify(entries, null, 2) : describeTimeline(slug, entries));
      return 0;
    }
    case 'preview': {
      const { resolveTarget } = await import('./cli-targets');
      const { describePreview, previewDraftFile } = await import('./preview-command');
      if (positionals.length !== 1) throw new Error('preview needs one FILE');
      const report = await previewDraftFile(await resolveTarget(values.stage), positionals[0] ?? '');
      console.log(describePreview(report));
      return report.status === 'previewed' ? 0 : 1;
    }
    case 'import': {
      const { describeImport, importArchiveDir } = await import('./import-command');
      const [dir] = positionals;
      if (!dir || positionals.length !== 1) throw new Error('import needs one DIR');
      const { summary, seconds } = await importArchiveDir(dir, values.stage);
      console.log(describeImport(summary, seconds));
      return summary.interrupted ? 130 : 0;
    }
    case 'rebuild': {
      const { describeRebuild, rebuildLocalSite } = await import('./rebuild-command');
      console.log(describeRebuild(await rebuildLocalSite()));
      return 0;
    }
    case 'reconcile': {
      const { describeRecovery, localRecoveryTarget, reconcileLocal } = await import('./recovery-commands');
      const olderThan = values['older-than'] === undefined ? undefined : Number(values['older-than']);
      if (olderThan !== undefined && !(olderThan >= 0)) throw new Error('--older-than needs a number of seconds');
      const report = await reconcileLocal(await localRecoveryTarget(), { stuckAfterMs: olderThan === undefined ? undefined : olderThan * 1000 });
      console.log(values.json ? JSON.stringify(report, null, 2) : describeRecovery(report));
      return report.givenUp.length + report.inDoubt.length > 0 ? 1 : 0;
    }
    case 'settle': {
      const { localRecoveryTarget } = await import('./recovery-commands');
      const { describeSettle, settleLocal } = await import('./settle-command');
      const limit = values.limit === undefined ? undefined : Number(values.limit);
      if (limit !== undefined && !(limit > 0)) throw new Error('--limit needs a positive number');
      const report = await settleLocal((await localRecoveryTarget()).table, limit, values.section);
      console.log(values.json ? JSON.stringify(report, null, 2) : describeSettle(report));
      return 0;
    }
    case 'redrive': {
      const { describeRecovery, localRecoveryTarget, redrive, stageRecoveryTarget } = await import('./recovery-commands');
      const target = values.stage ? await stageRecoveryTarget(values.stage) : await localRecoveryTarget();
      try {
        const report = await redrive(target);
        console.log(values.json ? JSON.stringify(report, null, 2) : describeRecovery(report));
      } finally {
        target.sqs.destroy();
      }
      return 0;
    }
    case 'subscribe': {
      const { localReaders, signUpLocally } = await import('./reader-commands');
      if (!values.email) throw new Error('subscribe needs --email ADDRESS');
      const form = {
        email: values.email,
        sections: list(values.sections).join(','),
        tags: list(values.tags).join(','),
        breaking: values['breaking-only'] ? 'on' : '',
      };
      const status = await signUpLocally(await localReaders(), form);
      console.log(status === 200 ? `asked ${values.email} to confirm (see: newsroom mail)` : `the API answered ${status}`);
      return status === 200 ? 0 : 1;
    }
    case 'subscribers': {
      const { resolveTarget } = await import('./cli-targets');
      const { deleteReader, describeReaders, exportReader, listReaders, localReaders } = await import('./reader-commands');
      const { describeSubscribers, listSubscribers } = await import('./subscribe-command');
      const readers = await localReaders();
      if (values.export) {
        const reader = await exportReader(readers, values.export);
        console.log(JSON.stringify(reader ?? null, null, 2));
        return reader ? 0 : 1;
      }
      if (values.delete) {
        const deleted = await deleteReader(readers, values.delete);
        console.log(deleted ? `deleted ${values.delete}` : `nothing stored for ${values.delete}`);
        return deleted ? 0 : 1;
      }
      const emailReaders = await listReaders(readers);
      const apps = (await listSubscribers(await resolveTarget(undefined))).filter((row) => row.protocol === 'application');
      console.log(
        values.json
          ? JSON.stringify({ email: emailReaders, mobile: apps }, null, 2)
          : `${describeReaders(emailReaders)}
${describeSubscribers(apps)}`,
      );
      return 0;
    }
    case 'mail': {
      const { describeMail, listMail, localReaders } = await import('./reader-commands');
      const mail = await listMail(await localReaders());
      console.log(values.json ? JSON.stringify(mail, null, 2) : describeMail(mail));
      return 0;
    }
    case 'alerts': {
      const { runAlertsCommand } = await import('./alerts-command');
      return runAlertsCommand(values, positionals);
    }
    default:
      console.error(`Unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

/** Exits once stdout has flushed: a piped `--json` answer cut short by process.exit is not JSON. */
function exitAfterOutput(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}

runCli(process.argv.slice(2)).then(exitAfterOutput, (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  exitAfterOutput(2);
});
