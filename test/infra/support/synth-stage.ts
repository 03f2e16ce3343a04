import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { parseStageConfigs, type StageConfig } from '../../../infra/config/stage-config';
import { addStage, type StageStacks } from '../../../infra/stage';
import { scratchDir } from '../../support/scratch-dir';

/** A hello-world handler standing in for every function entry: bundling is skipped. */
export const HELLO_ENTRY = path.join(import.meta.dirname, '..', 'fixtures', 'hello-handler.ts');

/** A stage as cdk.json would configure it, with every option set. */
export function testStageConfig(overrides: Record<string, unknown> = {}): StageConfig {
  const [stage] = parseStageConfigs({
    test: {
      publication: 'The Test Times',
      alertSubscriptions: [
        { email: 'breaking@example.com', breakingOnly: true },
        { email: 'world@example.com', sections: ['World'], tags: ['AI'] },
      ],
      editorEmails: ['desk@example.com'],
      opsEmails: ['ops@example.com'],
      logRetentionDays: 14,
      ...overrides,
    },
  });
  if (!stage) throw new Error('no stage parsed');
  return stage;
}

/** The synthesized templates of one stage. */
export interface SynthesizedStage {
  readonly stacks: StageStacks;
  readonly data: Template;
  readonly app: Template;
}

/**
 * Synthesizes one stage without bundling, CloudFormation validation or
 * cdk-nag, for fast assertions.
 */
export function synthStage(config: StageConfig = testStageConfig()): SynthesizedStage {
  const app = new App({ outdir: scratchDir('cdk.out-'), context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
  const stacks = addStage(app, config, {
    entries: {
      'triage-draft': HELLO_ENTRY,
      'ingest-draft': HELLO_ENTRY,
      'stream-consumer': HELLO_ENTRY,
      'publish-scheduled': HELLO_ENTRY,
    },
  });
  return { stacks, data: Template.fromStack(stacks.data), app: Template.fromStack(stacks.app) };
}

/** One IAM statement, its resources serialized so tests can look for a bucket or topic. */
export interface FlatStatement {
  readonly actions: string[];
  readonly resources: string;
}

/** The Allow statements of the policies whose logical id starts with `prefix`. */
export function policyStatements(template: Template, prefix: string): FlatStatement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  const statements: FlatStatement[] = [];
  for (const [logicalId, policy] of Object.entries(policies)) {
    if (!logicalId.startsWith(prefix)) continue;
    for (const statement of policy.Properties.PolicyDocument.Statement) {
      if (statement.Effect !== 'Allow') continue;
      const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
      statements.push({ actions, resources: JSON.stringify(statement.Resource) });
    }
  }
  if (statements.length === 0) throw new Error(`no policy starts with ${prefix}`);
  return statements;
}

/**
 * The Data stack's value behind an App template value: the App stack reads
 * Data's values from SSM parameters (a template parameter whose default is
 * the parameter name), so this follows the name to the `AWS::SSM::Parameter`
 * the Data stack writes and returns its value. Other values are returned as they are.
 */
export function dataValueOf(stage: SynthesizedStage, value: unknown): unknown {
  const ref = (value as { Ref?: unknown } | undefined)?.Ref;
  const parameter = typeof ref === 'string' ? stage.app.toJSON().Parameters?.[ref] : undefined;
  if (!parameter) return value;
  const written = Object.values(stage.data.findResources('AWS::SSM::Parameter')).find((p) => p.Properties.Name === parameter.Default);
  if (!written) throw new Error(`the App stack reads ${parameter.Default}, which the Data stack does not write`);
  return written.Properties.Value;
}
