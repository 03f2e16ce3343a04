/**
 * CloudFormation output keys of the stage stacks. The CDK app writes them and
 * `newsroom publish --stage NAME` reads them back to find its bucket.
 */
export const STAGE_OUTPUT_KEYS = {
  draftsBucketName: 'DraftsBucketName',
  siteBucketName: 'SiteBucketName',
  distributionDomainName: 'DistributionDomainName',
  distributionId: 'DistributionId',
  siteUrl: 'SiteUrl',
  alertsTopicArn: 'AlertsTopicArn',
  editorsTopicArn: 'EditorsTopicArn',
  opsTopicArn: 'OpsTopicArn',
} as const;

/** The resolved outputs of one stage. */
export type StageOutputs = { readonly [K in keyof typeof STAGE_OUTPUT_KEYS]: string };

/** The subset of a CloudFormation `DescribeStacks` stack that resolution needs. */
export interface StackDescription {
  readonly StackName?: string | undefined;
  readonly Outputs?: ReadonlyArray<{ readonly OutputKey?: string | undefined; readonly OutputValue?: string | undefined }> | undefined;
}

/** The stacks of one stage. */
export interface StageStackNames {
  /** Buckets, table, queues, topics, keys and the distribution. */
  readonly data: string;
  /** Functions, event sources, scheduling and monitoring. */
  readonly app: string;
}

/** Raised when a stage's stacks are not deployed or lack an output. */
export class StageOutputsNotFoundError extends Error {
  override readonly name = 'StageOutputsNotFoundError';
}

/**
 * The CloudFormation stack names of a stage.
 *
 * @param stage the stage name, e.g. `staging`
 */
export function stageStackNames(stage: string): StageStackNames {
  return { data: `Newsroom-${stage}-Data`, app: `Newsroom-${stage}-App` };
}

/**
 * Picks a stage's outputs from described stacks (`DescribeStacks().Stacks`).
 * Other stages' stacks are ignored.
 *
 * @param stacks described stacks, of any stages
 * @param stage the stage to resolve
 * @throws StageOutputsNotFoundError when the stage's data stack is absent or an output is missing
 */
export function resolveStageOutputs(stacks: ReadonlyArray<StackDescription>, stage: string): StageOutputs {
  const names = stageStackNames(stage);
  const own = stacks.filter((stack) => stack.StackName === names.data || stack.StackName === names.app);
  if (!own.some((stack) => stack.StackName === names.data)) {
    throw new StageOutputsNotFoundError(`stage "${stage}" is not deployed: no stack named ${names.data}`);
  }
  const values = new Map<string, string>();
  for (const output of own.flatMap((stack) => stack.Outputs ?? [])) {
    if (output.OutputKey && output.OutputValue) values.set(output.OutputKey, output.OutputValue);
  }
  const read = (key: string): string => {
    const value = values.get(key);
    if (value === undefined) throw new StageOutputsNotFoundError(`stage "${stage}" has no output ${key}`);
    return value;
  };
  return {
    draftsBucketName: read(STAGE_OUTPUT_KEYS.draftsBucketName),
    siteBucketName: read(STAGE_OUTPUT_KEYS.siteBucketName),
    distributionDomainName: read(STAGE_OUTPUT_KEYS.distributionDomainName),
    distributionId: read(STAGE_OUTPUT_KEYS.distributionId),
    siteUrl: read(STAGE_OUTPUT_KEYS.siteUrl),
    alertsTopicArn: read(STAGE_OUTPUT_KEYS.alertsTopicArn),
    editorsTopicArn: read(STAGE_OUTPUT_KEYS.editorsTopicArn),
    opsTopicArn: read(STAGE_OUTPUT_KEYS.opsTopicArn),
  };
}
