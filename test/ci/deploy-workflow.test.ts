import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { PROJECT_ROOT } from '../../infra/config/paths';

const stepSchema = z.object({ uses: z.string().optional(), run: z.string().optional(), with: z.record(z.string(), z.unknown()).optional() });
const jobSchema = z.object({
  if: z.string().optional(),
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  environment: z.string().optional(),
  permissions: z.record(z.string(), z.string()).optional(),
  steps: z.array(stepSchema),
});
const workflowSchema = z.object({
  on: z.object({ pull_request: z.unknown(), push: z.object({ branches: z.array(z.string()) }) }),
  permissions: z.record(z.string(), z.string()),
  jobs: z.record(z.string(), jobSchema),
});
type Job = z.infer<typeof jobSchema>;

let workflow: z.infer<typeof workflowSchema>;
const job = (name: string): Job => {
  const found = workflow.jobs[name];
  if (!found) throw new Error(`no job ${name}`);
  return found;
};
const needs = (name: string) => [job(name).needs ?? []].flat();
const runs = (name: string) => job(name).steps.flatMap((step) => (step.run ? [step.run] : []));
const assumesRole = (name: string) =>
  job(name).steps.some(
    (step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@') && typeof step.with?.['role-to-assume'] === 'string',
  );

beforeAll(async () => {
  const text = await readFile(join(PROJECT_ROOT, '.github', 'workflows', 'deploy.yml'), 'utf8');
  workflow = workflowSchema.parse(parse(text));
});

describe('the deploy workflow', () => {
  it('runs on pull requests and on pushes to main, with no default permissions', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.permissions).toEqual({});
  });

  it('checks every change with .ci/run before anything else', () => {
    expect(runs('check')).toContain('.ci/run');
    expect(needs('check')).toEqual([]);
    expect(job('check').permissions).toEqual({ contents: 'read' });
  });

  it('posts a cdk diff against staging to the run summary on pull requests only, after the check', () => {
    expect(job('diff').if).toContain("github.event_name == 'pull_request'");
    expect(needs('diff')).toEqual(['check']);
    const diff = runs('diff').join('\n');
    expect(diff).toMatch(/cdk diff 'Newsroom-staging-\*'/);
    expect(diff).toContain('$GITHUB_STEP_SUMMARY');
  });

  it('deploys staging on main after the check, then smoke-tests it', () => {
    expect(job('deploy-staging').if).toContain("github.ref == 'refs/heads/main'");
    expect(needs('deploy-staging')).toEqual(['check']);
    expect(job('deploy-staging').environment).toBe('staging');
    const steps = runs('deploy-staging');
    const deploy = steps.findIndex((run) => run.includes("cdk deploy 'Newsroom-staging-*'"));
    const smoke = steps.findIndex((run) => run.includes('newsroom -- smoke --stage staging'));
    expect(deploy).toBeGreaterThanOrEqual(0);
    expect(smoke).toBeGreaterThan(deploy);
  });

  it('deploys production only after staging, behind the approval of its environment', () => {
    expect(needs('deploy-production')).toEqual(['deploy-staging']);
    expect(job('deploy-production').environment).toBe('production');
    expect(runs('deploy-production').some((run) => run.includes("cdk deploy 'Newsroom-production-*'"))).toBe(true);
  });

  it('reaches AWS only through an OIDC role, with id-token write, and never with stored keys', async () => {
    for (const name of ['diff', 'deploy-staging', 'deploy-production']) {
      expect(job(name).permissions).toEqual({ contents: 'read', 'id-token': 'write' });
      expect(assumesRole(name)).toBe(true);
    }
    expect(assumesRole('check')).toBe(false);
    const text = await readFile(join(PROJECT_ROOT, '.github', 'workflows', 'deploy.yml'), 'utf8');
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|secrets\.AWS/i);
  });
});
