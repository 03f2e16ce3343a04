import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createArchiveReader } from '../../shared/adapters/article-lists';
import { rebuildSite } from '../../shared/use-cases/rebuild-site';
import { localSiteTarget, targetSiteConfig } from '../../infra/cli/site-target';
import { createMemoryLists } from './memory-lists';

/**
 * The rebuild with local disk in place of the site bucket, as its own cold
 * process: every published head read from the table of the stack in
 * `NEWSROOM_HOME`, lists planned and held in memory (nothing written to the
 * table), every page rendered and written as a file under `REBUILD_DIR`, as
 * Hugo writes its site. Prints `{"files": N}`.
 */
async function main(): Promise<void> {
  const out = process.env.REBUILD_DIR;
  if (!out) throw new Error('Set REBUILD_DIR');
  const target = await localSiteTarget();
  const made = new Set<string>();
  const lists = createMemoryLists();
  const summary = await rebuildSite({
    archive: createArchiveReader({ client: target.clients.dynamodb, tableName: target.tableName }),
    lists,
    live: lists,
    site: {
      // A batch's files written side by side, as the bucket adapter PUTs them (and Hugo writes its pages).
      write: async (files) => {
        await Promise.all(
          files.map(async (file) => {
            const path = join(out, file.key);
            const dir = dirname(path);
            if (!made.has(dir)) await mkdir(dir, { recursive: true });
            made.add(dir);
            await writeFile(path, file.body);
          }),
        );
      },
    },
    cdn: { invalidate: async () => undefined },
    siteConfig: targetSiteConfig(target),
  });
  console.log(JSON.stringify({ files: summary.files }));
}

await main();
