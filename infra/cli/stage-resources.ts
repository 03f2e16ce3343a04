import { CloudFormationClient, paginateListStackResources } from '@aws-sdk/client-cloudformation';
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { stageStackNames } from '../config/stage-outputs';
import { type ReaderParameterKey, type StageParameterKey, stageParameterName } from '../config/stage-parameters';

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

/**
 * Values a stage's Data stack wrote as SSM parameters (`infra/config/stage-parameters.ts`), by key.
 * @throws when one is missing: the stage (or its readers) is not deployed
 */
export async function readStageParameters<K extends StageParameterKey | ReaderParameterKey>(
  stage: string,
  keys: readonly K[],
  ssm = new SSMClient({}),
): Promise<Record<K, string>> {
  const { Parameters = [], InvalidParameters = [] } = await ssm.send(
    new GetParametersCommand({ Names: keys.map((key) => stageParameterName(stage, key)) }),
  );
  if (InvalidParameters.length > 0) throw new Error(`stage "${stage}" is not deployed: no parameter ${InvalidParameters.join(', ')}`);
  return Object.fromEntries(keys.map((key) => [key, Parameters.find((p) => p.Name === stageParameterName(stage, key))?.Value ?? ''])) as Record<
    K,
    string
  >;
}
