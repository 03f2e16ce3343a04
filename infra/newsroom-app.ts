import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseStageConfigs, STAGES_CONTEXT_KEY } from './config/stage-config';
import { WildcardAcknowledgmentsPlugin } from './nag/wildcard-acknowledgments';
import { addStage, type AddStageOptions, type StageStacks } from './stage';

/** Options of {@link buildNewsroomApp}. */
export interface BuildNewsroomAppOptions extends AddStageOptions {
  /** Run the cdk-nag AwsSolutions pack at synthesis. @default true */
  readonly nag?: boolean;
}

/**
 * Adds every stage configured in the app's `newsroom:stages` context and
 * registers the cdk-nag AwsSolutions checks: synthesis fails on any finding
 * not acknowledged (with its reason) on the construct it concerns.
 *
 * @returns the stacks of each stage, by stage name
 */
export function buildNewsroomApp(app: App, options: BuildNewsroomAppOptions = {}): Map<string, StageStacks> {
  const stages = new Map<string, StageStacks>();
  for (const config of parseStageConfigs(app.node.tryGetContext(STAGES_CONTEXT_KEY))) {
    stages.set(config.name, addStage(app, config, options));
  }
  if (options.nag ?? true) {
    Validations.of(app).addPlugins(new WildcardAcknowledgmentsPlugin(), new AwsSolutionsChecks(app));
  }
  return stages;
}
