import type { RebuildSummary } from '../../shared/use-cases/rebuild-site';
import { localSiteTarget, rebuildTargetSite } from './site-target';

const BAR_WIDTH = 30;

/** A one-line text progress bar, e.g. `pages [#######.......]  120/480`. */
export function progressBar(label: string, done: number, total: number): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  return `${label.padEnd(6)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(done).padStart(6)}/${total}`;
}

/** The summary line printed after a rebuild. */
export function describeRebuild(summary: RebuildSummary): string {
  const seconds = summary.milliseconds / 1000;
  return `Rebuilt ${summary.articles} articles: ${summary.files} files across ${summary.lists} lists (${summary.listingsWritten} listings written) in ${seconds.toFixed(1)} s (${Math.round(summary.files / Math.max(seconds, 0.001))} files/s)${
    summary.caughtUp > 0 ? `; ${summary.caughtUp} stories that changed while it ran rendered again from the table` : ''
  }; invalidated /*.`;
}

/** Re-renders the whole site of the running local stack (from its `endpoints.json`), drawing a progress bar on stderr. */
export async function rebuildLocalSite(): Promise<RebuildSummary> {
  const tty = process.stderr.isTTY;
  return rebuildTargetSite(await localSiteTarget(), (phase, done, total) => {
    if (tty) process.stderr.write(`\r${progressBar(phase, done, total)}${done === total ? '\n' : ''}`);
    else if (done === total) process.stderr.write(`${progressBar(phase, done, total)}\n`);
  });
}
