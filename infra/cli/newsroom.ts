import { parseArgs } from 'node:util';
import { checkDraftFile, describeCheck } from './check-command';
import { resolveTarget } from './cli-targets';
import { describePreview, previewDraftFile } from './preview-command';
import { publishDrafts } from './publish-command';
import { describeRebuild, rebuildLocalSite } from './rebuild-command';
import { describeSubscribers, listSubscribers, subscribeEmail } from './subscribe-command';

const USAGE = `Usage: npm run -s newsroom -- <command>

Commands:
  check FILE... [--json]   Validate drafts offline; exit 1 if any is invalid.
  publish FILE... [--stage NAME]
                           Upload drafts to the drafts bucket (the local stack's, or a deployed stage's).
  preview FILE [--stage NAME]
                           Render a draft at an unlisted, expiring address (nothing is published) and print its URL.
  rebuild                  Re-render the whole site of the running local stack from its table.
  subscribe --email ADDRESS [--sections A,B] [--tags X,Y] [--breaking-only] [--stage NAME]
                           Subscribe an address to alerts, filtered by section, tag or breaking news.
  subscribers [--stage NAME] [--json]
                           List the alert subscriptions and their filter policies.`;

const list = (value: string | undefined) => (value ? value.split(',').map((item) => item.trim()).filter(Boolean) : []);

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
    },
  });
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'check': {
      if (positionals.length === 0) throw new Error('check needs at least one FILE');
      const results = await Promise.all(positionals.map(checkDraftFile));
      console.log(values.json ? JSON.stringify(results, null, 2) : results.map(describeCheck).join('\n'));
      return results.every((result) => result.valid) ? 0 : 1;
    }
    case 'publish': {
      if (positionals.length === 0) throw new Error('publish needs at least one FILE');
      const keys = await publishDrafts(await resolveTarget(values.stage), positionals);
      for (const key of keys) console.log(`uploaded ${key}`);
      return 0;
    }
    case 'preview': {
      if (positionals.length !== 1) throw new Error('preview needs one FILE');
      const report = await previewDraftFile(await resolveTarget(values.stage), positionals[0] ?? '');
      console.log(describePreview(report));
      return report.status === 'previewed' ? 0 : 1;
    }
    case 'rebuild': {
      console.log(describeRebuild(await rebuildLocalSite()));
      return 0;
    }
    case 'subscribe': {
      if (!values.email) throw new Error('subscribe needs --email ADDRESS');
      const arn = await subscribeEmail(await resolveTarget(values.stage), values.email, {
        sections: list(values.sections),
        tags: list(values.tags),
        breakingOnly: values['breaking-only'],
      });
      console.log(`subscribed ${values.email}: ${arn}`);
      return 0;
    }
    case 'subscribers': {
      const rows = await listSubscribers(await resolveTarget(values.stage));
      console.log(values.json ? JSON.stringify(rows, null, 2) : describeSubscribers(rows));
      return 0;
    }
    default:
      console.error(`Unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
