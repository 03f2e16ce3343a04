import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { MultiBar, type SingleBar } from 'cli-progress';
import { DRAFT_SUFFIXES } from '../../events/names';
import { createArchiveStore } from '../../shared/adapters/archive-store';
import { createMemoryRelatedIndex } from '../../shared/adapters/memory-related-index';
import { createRelatedIndex } from '../../shared/adapters/related-index';
import { listSite } from '../../shared/use-cases/rebuild-site';
import { type ArchiveFile, type ImportPhase, type ImportSummary, importArchive } from '../../shared/use-cases/import-archive';
import { localSiteTarget, rebuildDependencies, type SiteTarget } from './site-target';

/** Re-exported: the import's callers (tests, benches) find the site target here too. */
export { localSiteTarget, rebuildTargetSite, type SiteTarget, targetSiteConfig } from './site-target';

/** Every draft file (`.md`, `.json`) under `dir`, with its path inside it and its modification time. */
export async function readArchiveDir(dir: string): Promise<ArchiveFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && DRAFT_SUFFIXES.some((suffix) => entry.name.endsWith(suffix)))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return Promise.all(
    files.map(async (file) => ({
      path: relative(dir, file).split(sep).join('/'),
      bytes: await readFile(file),
      modifiedAt: (await stat(file)).mtime.toISOString(),
    })),
  );
}

const PHASE_LABELS: Record<ImportPhase | 'lists' | 'pages', string> = {
  prepare: 'prepare',
  rank: 'rank   ',
  write: 'write  ',
  index: 'index  ',
  lists: 'lists  ',
  pages: 'pages  ',
};

/**
 * Progress bars on stderr (cli-progress): one per phase (phases may overlap),
 * each with its count, rate and ETA, redrawn in place on a terminal and
 * printed every few seconds otherwise.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): {
  update: (phase: ImportPhase | 'lists' | 'pages', done: number, total: number) => void;
  stop: () => void;
} {
  const bars = new MultiBar({
    stream,
    format: '{phase} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}',
    barsize: 30,
    etaBuffer: 200,
    noTTYOutput: true,
    notTTYSchedule: 5000,
    hideCursor: true,
  });
  const phases = new Map<string, { bar: SingleBar; started: number }>();
  return {
    update(phase, done, total) {
      let entry = phases.get(phase);
      if (!entry) {
        entry = { bar: bars.create(total, 0, { phase: PHASE_LABELS[phase], rate: '0' }), started: Date.now() };
        phases.set(phase, entry);
      }
      const elapsed = (Date.now() - entry.started) / 1000;
      entry.bar.setTotal(total);
      entry.bar.update(done, { rate: elapsed > 0 ? (done / elapsed).toFixed(0) : '0' });
    },
    stop() {
      bars.stop();
    },
  };
}

/** Options of {@link runImport}. */
export interface RunImportOptions {
  readonly onProgress?: (phase: ImportPhase | 'lists' | 'pages', done: number, total: number) => void;
  readonly stopRequested?: () => boolean;
  readonly chunkSize?: number;
}

/** Imports archive files into a target's table and related index, then rebuilds its site once. */
export function runImport(target: SiteTarget, files: readonly ArchiveFile[], options: RunImportOptions = {}): Promise<ImportSummary> {
  const table = { client: target.clients.dynamodb, tableName: target.tableName };
  return importArchive(
    {
      store: createArchiveStore(table),
      related: createRelatedIndex(table),
      scratch: createMemoryRelatedIndex(),
      listSite: (heads) => listSite(rebuildDependencies(target, options.onProgress), heads),
      onProgress: options.onProgress,
      stopRequested: options.stopRequested,
      chunkSize: options.chunkSize,
    },
    files,
  );
}

/** The summary lines printed after an import. */
export function describeImport(summary: ImportSummary, seconds: number): string {
  const lines = [
    `${summary.interrupted ? 'Interrupted' : 'Imported'}: ${summary.imported} new, ${summary.alreadyPresent} already present, ${summary.rejected.length} rejected of ${summary.files} files in ${seconds.toFixed(1)} s (${((summary.imported + summary.alreadyPresent) / Math.max(seconds, 0.001)).toFixed(0)} articles/s)${summary.rebuilt ? '; the site was rebuilt.' : '.'}`,
    ...summary.rejected.map(
      (entry) => `  rejected ${entry.path}: ${entry.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`,
    ),
  ];
  if (summary.interrupted) lines.push('Run the same command again to resume: articles already written are skipped.');
  return lines.join('\n');
}

/**
 * `newsroom import DIR [--stage S]`: loads the archive in DIR as published
 * history (see `importArchive`), with a progress bar; Ctrl-C stops between
 * chunks, keeping what was written.
 */
export async function importArchiveDir(dir: string, stage: string | undefined): Promise<{ summary: ImportSummary; seconds: number }> {
  const started = Date.now();
  const target = stage ? await (await import('./stage-site-target')).stageSiteTarget(stage) : await localSiteTarget();
  const files = await readArchiveDir(dir);
  const progress = createProgress();
  let stop = false;
  const onInterrupt = () => {
    if (stop) process.exit(130);
    stop = true;
    process.stderr.write('\nStopping after the current chunk (Ctrl-C again to quit at once)…\n');
  };
  process.on('SIGINT', onInterrupt);
  try {
    const summary = await runImport(target, files, { onProgress: progress.update, stopRequested: () => stop });
    return { summary, seconds: (Date.now() - started) / 1000 };
  } finally {
    progress.stop();
    process.off('SIGINT', onInterrupt);
  }
}
