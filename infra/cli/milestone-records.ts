import { readFile } from 'node:fs/promises';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, paginateFilterLogEvents } from '@aws-sdk/client-cloudwatch-logs';
import * as z from 'zod';
import { MILESTONES } from '../../shared/runtime/pipeline-metrics';
import { stageStackNames } from '../config/stage-outputs';

/** One milestone the functions recorded (the metadata of one EMF document). */
export const milestoneRecordSchema = z.object({
  milestone: z.enum(MILESTONES),
  at: z.iso.datetime(),
  service: z.string().optional(),
  draftKey: z.string().optional(),
  articles: z.string().optional(),
  savedAt: z.iso.datetime().optional(),
  outcome: z.string().optional(),
});
export type MilestoneRecord = z.infer<typeof milestoneRecordSchema>;

/** Parses EMF lines, keeping the milestone documents and skipping anything else (other log lines, partial writes). */
export function parseMilestoneLines(lines: Iterable<string>): MilestoneRecord[] {
  const records: MilestoneRecord[] = [];
  for (const line of lines) {
    if (!line.trim().startsWith('{')) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = milestoneRecordSchema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
  }
  return records;
}

/** The local stack's milestones, from its metrics file (none yet if the file does not exist). */
export async function readLocalMilestones(metricsFile: string): Promise<MilestoneRecord[]> {
  try {
    return parseMilestoneLines((await readFile(metricsFile, 'utf8')).split('\n'));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * A deployed stage's milestones that mention `terms` (an article id or a
 * draft key), from the log groups of its app stack in CloudWatch Logs.
 *
 * @param since earliest event time to read
 */
export async function readStageMilestones(
  stage: string,
  terms: readonly string[],
  since: Date,
  logs = new CloudWatchLogsClient({}),
): Promise<MilestoneRecord[]> {
  const { logGroups = [] } = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: `${stageStackNames(stage).app}-` }));
  const lines: string[] = [];
  for (const group of logGroups) {
    if (!group.logGroupName) continue;
    const pages = paginateFilterLogEvents(
      { client: logs },
      { logGroupName: group.logGroupName, startTime: since.getTime(), filterPattern: terms.map((term) => `?"${term}"`).join(' ') },
    );
    for await (const page of pages) lines.push(...(page.events ?? []).flatMap((event) => (event.message ? [event.message] : [])));
  }
  return parseMilestoneLines(lines);
}
