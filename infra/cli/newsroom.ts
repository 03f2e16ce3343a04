import { parseArgs } from 'node:util';
import { checkDraftFile, describeCheck } from './check-command';
import { localPublishTarget, publishDrafts } from './publish-command';

const USAGE = `Usage: npm run -s newsroom -- <command>

Commands:
  check FILE... [--json]   Validate drafts offline; exit 1 if any is invalid.
  publish FILE...          Upload drafts to the running local stack's drafts bucket.`;

/** The `newsroom` command line. Returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: [...rest],
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
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
      const keys = await publishDrafts(await localPublishTarget(), positionals);
      for (const key of keys) console.log(`uploaded ${key}`);
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
