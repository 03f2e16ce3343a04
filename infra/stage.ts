import type { App, Environment } from 'aws-cdk-lib';
import type { StageConfig } from './config/stage-config';
import { stageStackNames } from './config/stage-outputs';
import { AppStack, type FunctionEntries } from './stacks/app-stack';
import { DataStack } from './stacks/data-stack';

/** The stacks of one deployed stage. */
export interface StageStacks {
  readonly data: DataStack;
  readonly app: AppStack;
}

/** Options of {@link addStage}. */
export interface AddStageOptions {
  /** Handler entries to use instead of `functions/<name>/handler.ts`, by function. */
  readonly entries?: Partial<FunctionEntries>;
}

/**
 * Adds a stage's data and app stacks to `app`, named by `stageStackNames`.
 * Stacks are env-agnostic unless the stage configures an account and region.
 */
export function addStage(app: App, config: StageConfig, options: AddStageOptions = {}): StageStacks {
  const names = stageStackNames(config.name);
  const env: Environment | undefined = config.env;
  const tags = { project: 'newsroom', stage: config.name };
  const data = new DataStack(app, names.data, { stackName: names.data, env, config, tags });
  const stack = new AppStack(app, names.app, { stackName: names.app, env, config, data, tags, entries: options.entries });
  return { data, app: stack };
}
