import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { resolveStageOutputs, stageStackNames, type StackDescription } from '../config/stage-outputs';
import { readEndpoints, type Endpoints } from '../local/endpoints';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-credentials';
import { localPaths } from '../local/local-paths';

/** Where a CLI command acts: the drafts bucket and the alerts topic, with their clients. */
export interface CliTarget {
  readonly s3: S3Client;
  readonly draftsBucket: string;
  readonly sns: SNSClient;
  readonly alertsTopicArn: string;
  /** The public site: the local CDN server, or the stage's CloudFront or custom domain. */
  readonly siteUrl: string;
}

async function localEndpoints(): Promise<Endpoints> {
  const paths = localPaths();
  try {
    return await readEndpoints(paths.endpointsFile);
  } catch {
    throw new Error(`No local stack is running (no ${paths.endpointsFile}). Start one with: npm start`);
  }
}

/** The running local stack, from its `endpoints.json`. */
export async function localTarget(): Promise<CliTarget> {
  const endpoints = await localEndpoints();
  const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  return {
    s3: new S3Client({
      ...common,
      endpoint: endpoints.s3,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
    draftsBucket: endpoints.draftsBucket,
    sns: new SNSClient({ ...common, endpoint: endpoints.sns }),
    alertsTopicArn: endpoints.alertsTopicArn,
    siteUrl: endpoints.site,
  };
}

/** A deployed stage, resolved from its CloudFormation outputs with the caller's AWS credentials. */
export async function stageTarget(stage: string, cloudformation = new CloudFormationClient({})): Promise<CliTarget> {
  const names = stageStackNames(stage);
  const stacks: StackDescription[] = [];
  for (const StackName of [names.data, names.app]) {
    const { Stacks = [] } = await cloudformation.send(new DescribeStacksCommand({ StackName }));
    stacks.push(...Stacks);
  }
  const outputs = resolveStageOutputs(stacks, stage);
  return {
    s3: new S3Client({}),
    draftsBucket: outputs.draftsBucketName,
    sns: new SNSClient({}),
    alertsTopicArn: outputs.alertsTopicArn,
    siteUrl: outputs.siteUrl,
  };
}

/** The target a command's `--stage` option names, or the local stack without one. */
export function resolveTarget(stage: string | undefined): Promise<CliTarget> {
  return stage ? stageTarget(stage) : localTarget();
}
