import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadCorpusDrafts } from './corpus-drafts';

/** `npx tsx bench/corpus/write-drafts.ts [DIR]`: writes the corpus as drafts into DIR (default `corpus-drafts/`). */
const target = resolve(process.argv[2] ?? 'corpus-drafts');
await mkdir(target, { recursive: true });
const drafts = await loadCorpusDrafts();
for (const draft of drafts) await writeFile(join(target, draft.name), draft.markdown);
console.log(`wrote ${drafts.length} drafts to ${target}`);
