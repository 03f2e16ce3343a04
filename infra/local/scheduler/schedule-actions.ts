import * as z from 'zod';
import { dueTimeOf } from './schedule-expression';
import { conflictError, notFoundError, validationError } from './scheduler-api-error';
import type { SchedulerStateStore, StoredSchedule } from './scheduler-state';

/** The group a schedule belongs to when the request names none. */
export const DEFAULT_GROUP = 'default';
/** Region and account in the ARNs the local endpoint makes up. */
const ARN_PREFIX = 'arn:aws:scheduler:us-east-1:000000000000';

const NAME = /^[0-9a-zA-Z-_.]{1,64}$/;

const writeScheduleSchema = z.object({
  ScheduleExpression: z.string().min(1),
  ScheduleExpressionTimezone: z.string().min(1).optional(),
  Target: z.looseObject({ Arn: z.string().min(1), RoleArn: z.string().min(1), Input: z.string().min(1).optional() }),
  FlexibleTimeWindow: z.object({ Mode: z.enum(['OFF', 'FLEXIBLE']), MaximumWindowInMinutes: z.number().optional() }),
  GroupName: z.string().optional(),
  Description: z.string().max(512).optional(),
  State: z.enum(['ENABLED', 'DISABLED']).optional(),
  ActionAfterCompletion: z.enum(['NONE', 'DELETE']).optional(),
  StartDate: z.number().optional(),
  EndDate: z.number().optional(),
  KmsKeyArn: z.string().optional(),
  ClientToken: z.string().optional(),
});

/** What the actions work on. */
export interface ActionContext {
  readonly store: SchedulerStateStore;
  readonly now: () => Date;
  /** Called after the schedules changed, so the runner re-arms its timer. */
  readonly changed: () => void;
}

/** The decoded parts of a request an action reads. */
export interface ActionRequest {
  /** The `{Name}` path label, decoded; absent for ListSchedules. */
  readonly name?: string;
  readonly query: URLSearchParams;
  /** The JSON body, parsed (an empty body is `{}`). */
  readonly body: unknown;
}

/** An action: a request in, the JSON response body out. Throws SchedulerApiError. */
export type Action = (request: ActionRequest, context: ActionContext) => Promise<Record<string, unknown>>;

function checkName(value: string | undefined, what: string): string {
  if (value === undefined || !NAME.test(value)) throw validationError(`${what} must match [0-9a-zA-Z-_.]{1,64}`);
  return value;
}

function find(context: ActionContext, groupName: string, name: string): StoredSchedule | undefined {
  return context.store.state.schedules.find((s) => s.GroupName === groupName && s.Name === name);
}

function parseWrite(request: ActionRequest) {
  const name = checkName(request.name, 'Name');
  const parsed = writeScheduleSchema.safeParse(request.body);
  if (!parsed.success) throw validationError(z.prettifyError(parsed.error));
  const input = parsed.data;
  const groupName = checkName(input.GroupName ?? DEFAULT_GROUP, 'GroupName');
  if (input.FlexibleTimeWindow.Mode !== 'OFF') throw validationError('Only FlexibleTimeWindow Mode OFF is supported locally');
  const dueAt = dueTimeOf(input.ScheduleExpression, input.ScheduleExpressionTimezone ?? 'UTC').toISOString();
  return { name, groupName, input, dueAt };
}

function fieldsOf(write: ReturnType<typeof parseWrite>) {
  const { input } = write;
  return {
    ScheduleExpression: input.ScheduleExpression,
    ...(input.ScheduleExpressionTimezone ? { ScheduleExpressionTimezone: input.ScheduleExpressionTimezone } : {}),
    ...(input.Description !== undefined ? { Description: input.Description } : {}),
    State: input.State ?? 'ENABLED',
    Target: input.Target,
    FlexibleTimeWindow: { Mode: 'OFF' as const },
    ActionAfterCompletion: input.ActionAfterCompletion ?? 'NONE',
    dueAt: write.dueAt,
  };
}

/** CreateSchedule: `POST /schedules/{Name}`. ConflictException when the name is taken in the group. */
export const createSchedule: Action = async (request, context) => {
  const write = parseWrite(request);
  if (find(context, write.groupName, write.name)) {
    throw conflictError(`Schedule ${write.name} already exists in group ${write.groupName}.`);
  }
  const now = context.now().toISOString();
  const schedule: StoredSchedule = {
    Arn: `${ARN_PREFIX}:schedule/${write.groupName}/${write.name}`,
    Name: write.name,
    GroupName: write.groupName,
    ...fieldsOf(write),
    CreationDate: now,
    LastModificationDate: now,
    revision: 1,
  };
  context.store.state.schedules.push(schedule);
  await context.store.save();
  context.changed();
  return { ScheduleArn: schedule.Arn };
};

/** UpdateSchedule: `PUT /schedules/{Name}`. Replaces every field, as AWS does; a completed schedule runs again. */
export const updateSchedule: Action = async (request, context) => {
  const write = parseWrite(request);
  const existing = find(context, write.groupName, write.name);
  if (!existing) throw notFoundError(`Schedule ${write.name} does not exist in group ${write.groupName}.`);
  const { Description: _description, ScheduleExpressionTimezone: _timezone, completedAt: _completed, ...kept } = existing;
  const updated: StoredSchedule = {
    ...kept,
    ...fieldsOf(write),
    LastModificationDate: context.now().toISOString(),
    revision: existing.revision + 1,
  };
  const schedules = context.store.state.schedules;
  schedules[schedules.indexOf(existing)] = updated;
  await context.store.save();
  context.changed();
  return { ScheduleArn: updated.Arn };
};

/** GetSchedule: `GET /schedules/{Name}?groupName=`. */
export const getSchedule: Action = async (request, context) => {
  const name = checkName(request.name, 'Name');
  const groupName = request.query.get('groupName') ?? DEFAULT_GROUP;
  const schedule = find(context, groupName, name);
  if (!schedule) throw notFoundError(`Schedule ${name} does not exist in group ${groupName}.`);
  const { dueAt: _dueAt, revision: _revision, completedAt: _completedAt, ...fields } = schedule;
  return { ...fields, CreationDate: epochSeconds(fields.CreationDate), LastModificationDate: epochSeconds(fields.LastModificationDate) };
};

/** DeleteSchedule: `DELETE /schedules/{Name}?groupName=`. */
export const deleteSchedule: Action = async (request, context) => {
  const name = checkName(request.name, 'Name');
  const groupName = request.query.get('groupName') ?? DEFAULT_GROUP;
  const schedule = find(context, groupName, name);
  if (!schedule) throw notFoundError(`Schedule ${name} does not exist in group ${groupName}.`);
  const schedules = context.store.state.schedules;
  schedules.splice(schedules.indexOf(schedule), 1);
  await context.store.save();
  context.changed();
  return {};
};

/** ListSchedules: `GET /schedules?ScheduleGroup=&NamePrefix=&State=&MaxResults=&NextToken=`, in name order. */
export const listSchedules: Action = async (request, context) => {
  const { query } = request;
  const group = query.get('ScheduleGroup');
  const prefix = query.get('NamePrefix') ?? '';
  const state = query.get('State');
  const maxResults = Number(query.get('MaxResults') ?? 100);
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) throw validationError('MaxResults must be 1 to 100');
  const start = Number(query.get('NextToken') ?? 0);
  if (!Number.isInteger(start) || start < 0) throw validationError('Invalid NextToken');
  const matching = context.store.state.schedules
    .filter((s) => (group === null || s.GroupName === group) && s.Name.startsWith(prefix) && (state === null || s.State === state))
    .sort((a, b) => `${a.GroupName}/${a.Name}`.localeCompare(`${b.GroupName}/${b.Name}`));
  const page = matching.slice(start, start + maxResults);
  return {
    Schedules: page.map((s) => ({
      Arn: s.Arn,
      Name: s.Name,
      GroupName: s.GroupName,
      State: s.State,
      CreationDate: epochSeconds(s.CreationDate),
      LastModificationDate: epochSeconds(s.LastModificationDate),
      Target: { Arn: s.Target.Arn },
    })),
    ...(start + maxResults < matching.length ? { NextToken: String(start + maxResults) } : {}),
  };
};

function epochSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}
