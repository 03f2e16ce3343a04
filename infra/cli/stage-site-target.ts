import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { createAwsClients } from '../../shared/config/aws-clients';
import { resolveStageOutputs, type StackDescription, stageStackNames } from '../config/stage-outputs';
import type { SiteTarget } from './site-target';
import { stageTableName } from './stage-resources';

/** A deployed stage, from its CloudFormation outputs and resources, with the caller's AWS credentials. */
export async function stageSiteTarget(stage: string, cloudformation = new CloudFormationClient({})): Promise<SiteTarget> {
  const names = stageStackNames(stage);
  const stacks: StackDescription[] = [];
  for (const StackName of [names.data, names.app])
    stacks.push(...((await cloudformation.send(new DescribeStacksCommand({ StackName }))).Stacks ?? []));
  const outputs = resolveStageOutputs(stacks, stage);
  return {
    clients: createAwsClients(),
    tableName: await stageTableName(stage, cloudformation),
    siteBucket: outputs.siteBucketName,
    distributionId: outputs.distributionId,
    siteUrl: outputs.siteUrl,
  };
}
