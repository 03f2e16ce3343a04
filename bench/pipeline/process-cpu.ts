import { readdir, readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) used so far by the processes whose command line
 * contains `marker` (e.g. DynamoDB Local's JVM, by its data folder), from
 * /proc; NaN where /proc is not there.
 */
export async function cpuSecondsOf(marker: string): Promise<number> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  } catch {
    return Number.NaN;
  }
  let ticks = 0;
  for (const pid of pids) {
    try {
      if (!(await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes(marker)) continue;
      // Fields after the command name (which may hold spaces) start after its closing parenthesis; utime and stime are 14th and 15th.
      const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** CPU seconds (user + system) this process has used so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
