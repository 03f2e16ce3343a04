import { fileURLToPath } from 'node:url';
import { startLocalStack } from './local-stack';

const EXAMPLES_DIR = fileURLToPath(new URL('../../examples', import.meta.url));

/** `npm start`: runs the pipeline locally until Ctrl-C. */
async function main(): Promise<void> {
  const time = () => new Date().toISOString().slice(11, 19);
  const stack = await startLocalStack({
    seedDir: EXAMPLES_DIR,
    log: (line) => console.log(`[${time()}] ${line}`),
  });
  await stack.settled();
  const { endpoints } = stack;
  console.log(`
Newsroom is running.
  Site:          ${endpoints.site}
  Drop drafts:   ${endpoints.draftsDir}  (or: npm run -s newsroom -- publish FILE)
  S3:            ${endpoints.s3}  (buckets ${endpoints.draftsBucket}, ${endpoints.siteBucket})
  DynamoDB:      ${endpoints.dynamodb}  (table ${endpoints.tableName})
  SNS:           ${endpoints.sns}
  Alerts outbox: ${endpoints.outboxDir}
  Mail viewer:   ${endpoints.mail}  (sent alerts; or: npm run -s newsroom -- mail)
  Sign up:       ${endpoints.site}/subscribe/
Press Ctrl-C to stop.
`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
