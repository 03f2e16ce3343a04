import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type LoadTarget, loadCommand } from './load-time';

const run = promisify(execFile);

/** The valgrind the instruction counts run under, or `undefined` when none is installed. */
export async function valgrindVersion(): Promise<string | undefined> {
  try {
    const { stdout } = await run('valgrind', ['--version']);
    return stdout.trim();
  } catch {
    return undefined;
  }
}

/** The instructions callgrind counted (its `Collected :` line on stderr), all threads together. */
export function collectedInstructions(stderr: string): number {
  const collected = /^==\d+== Collected : (\d+)\s*$/m.exec(stderr)?.[1];
  if (collected === undefined) throw new Error(`No instruction count in callgrind's output:\n${stderr.slice(-2000)}`);
  return Number(collected);
}

/**
 * V8 flags of the counted process. `--predictable` runs V8's background work
 * (optimising compiles, GC marking) on the main thread at fixed points and
 * fixes the GC schedule: on valgrind, which runs one thread at a time, when
 * background-compiled code lands depends on its scheduler, and the count of one
 * unchanged bundle moved by up to 25% between runs (a loop over the bundle's
 * text, Node's source-map line index, ran unoptimised for more or less long).
 * With it, repeated counts agree to within 0.1%.
 */
export const COUNTED_NODE_FLAGS: readonly string[] = ['--predictable'];

/**
 * The instructions one cold process of `target` executes, from exec to exit
 * (Node start-up, the import, exit; every thread), counted by callgrind: the
 * process that `measureLoadOnce` times, with {@link COUNTED_NODE_FLAGS}, run
 * on valgrind's simulated CPU. Unlike CPU time it does not move with other
 * load on the machine: it is the figure to compare across runs. It leaves
 * out kernel time (page faults, file reads), which CPU time includes.
 *
 * @param cwd where bare specifiers resolve from
 * @param node the Node.js binary the process runs on @default process.execPath
 */
export async function countInstructions(target: LoadTarget, cwd: string, node: string = process.execPath): Promise<number> {
  const command = loadCommand(target, node);
  const outdir = mkdtempSync(path.join(tmpdir(), 'newsroom-callgrind-'));
  try {
    const { stderr } = await run(
      'valgrind',
      [
        '--tool=callgrind',
        '--collect-atstart=yes',
        `--callgrind-out-file=${path.join(outdir, 'callgrind.out')}`,
        command.file,
        ...COUNTED_NODE_FLAGS,
        ...command.args,
      ],
      { cwd, env: command.env, maxBuffer: 16 * 1024 * 1024 },
    );
    return collectedInstructions(stderr);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
