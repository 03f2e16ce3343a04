import { allHostileDrafts } from '/work/wt-10/bench/hostile/hostile-drafts';
import { runIngestPath } from '/work/wt-10/bench/hostile/ingest-path';
for (const d of allHostileDrafts()) { const t = performance.now(); const o = runIngestPath(d); console.log(d.name, (performance.now() - t).toFixed(0), o); }
