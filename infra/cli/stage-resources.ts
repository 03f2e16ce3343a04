import { CloudFormationClient, paginateListStackResources } from '@aws-sdk/client-cloudformation';
import { stageStackNames } from '../config/stage-outputs';

/** One deployed resource of a stage: its logical id in the template and its physical id (a queue URL, a table name). */
export interface StageResource {
  readonly logicalId: string;
  readonly physicalId: string;
}

/** The resources of `types` (e.g. `AWS::SQS::Queue`) in a stage's data and app stacks. */
export async function findStageResources(
  stage: string,
  types: readonly string[],
  cloudformation = new CloudFormationClient({}),
): Promise<StageResource[]> {
  const names = stageStackNames(stage);
  const found: StageResource[] = [];
  for (const StackName of [names.data, names.app]) {
    for await (const page of paginateListStackResources({ client: cloudformation }, { StackName })) {
      for (const resource of page.StackResourceSummaries ?? []) {
        if (resource.ResourceType && types.includes(resource.ResourceType) && resource.LogicalResourceId && resource.PhysicalResourceId) {
          found.push({ logicalId: resource.LogicalResourceId, physicalId: resource.PhysicalResourceId });
        }
      }
    }
  }
  return found;
}

/** The article table of a deployed stage. */
export async function stageTableName(stage: string, cloudformation = new CloudFormationClient({})): Promise<string> {
  const [table] = await findStageResources(stage, ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'], cloudformation);
  if (!table) throw new Error(`stage "${stage}" has no DynamoDB table`);
  return table.physicalId;
}
