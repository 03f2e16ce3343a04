import { type App, CfnCondition, type CfnResource, type Environment, Fn } from 'aws-cdk-lib';
import type { StageConfig } from './config/stage-config';
import { stageStackNames } from './config/stage-outputs';
import { AppStack, type FunctionEntries } from './stacks/app-stack';
import { CdnErrorAlarm } from './constructs/cdn-error-alarm';
import { DataStack } from './stacks/data-stack';
import { EDGE_REGION, EdgeStack } from './stacks/edge-stack';
import { EdgeMonitoringStack } from './stacks/edge-monitoring-stack';

/** The stacks of one deployed stage. */
export interface StageStacks {
  readonly data: DataStack;
  readonly app: AppStack;
  /** The us-east-1 certificate and web ACL, when the stage has a domain or WAF. */
  readonly edge?: EdgeStack;
  /** The us-east-1 CloudFront alarms, when the stage is deployed in another region. */
  readonly edgeMonitoring?: EdgeMonitoringStack;
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
  // CloudFront takes certificates and web ACLs from us-east-1 only (the schema requires env for them).
  const edgeEnv = config.env && { account: config.env.account, region: EDGE_REGION };
  const crossRegionReferences = Boolean(edgeEnv && edgeEnv.region !== config.env?.region);
  const edge =
    edgeEnv && (config.domain || config.waf)
      ? new EdgeStack(app, `Newsroom-${config.name}-Edge`, {
          stackName: `Newsroom-${config.name}-Edge`,
          env: edgeEnv,
          crossRegionReferences,
          config,
          tags,
        })
      : undefined;
  const data = new DataStack(app, names.data, { stackName: names.data, env, config, tags, edge, crossRegionReferences });
  const stack = new AppStack(app, names.app, { stackName: names.app, env, config, data, tags, entries: options.entries });

  let edgeMonitoring: EdgeMonitoringStack | undefined;
  if (edgeEnv && crossRegionReferences) {
    edgeMonitoring = new EdgeMonitoringStack(app, `Newsroom-${config.name}-EdgeMonitoring`, {
      stackName: `Newsroom-${config.name}-EdgeMonitoring`,
      env: edgeEnv,
      crossRegionReferences,
      tags,
      distribution: data.site.distribution,
      opsEmails: config.opsEmails,
    });
  } else {
    const cdnErrors = new CdnErrorAlarm(stack, 'CdnErrors', { distribution: stack.data.distribution, topic: stack.data.opsTopic });
    if (!env) {
      // Env-agnostic: CloudFront metrics exist only in us-east-1, so the alarm exists only there.
      const inEdgeRegion = new CfnCondition(stack, 'DeployedInEdgeRegion', { expression: Fn.conditionEquals(stack.region, EDGE_REGION) });
      (cdnErrors.alarm.node.defaultChild as CfnResource).cfnOptions.condition = inEdgeRegion;
    }
  }
  return { data, app: stack, edge, edgeMonitoring };
}
