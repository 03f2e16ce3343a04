import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { stageTarget } from '../../../infra/cli/cli-targets';

/** A CloudFormation client whose DescribeStacks answers from a fixed list; nothing here can reach AWS. */
function fakeCloudFormation(outputs: Record<string, Record<string, string>>): CloudFormationClient {
  const client = new CloudFormationClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      if (context.commandName !== DescribeStacksCommand.name) throw new Error(`unexpected ${context.commandName}`);
      const name = String((args.input as { StackName?: string }).StackName);
      const stack = outputs[name];
      if (!stack) throw Object.assign(new Error(`Stack with id ${name} does not exist`), { name: 'ValidationError' });
      return {
        output: {
          $metadata: {},
          Stacks: [{ StackName: name, Outputs: Object.entries(stack).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })) }],
        },
        response: {},
      } as never;
    },
    { step: 'initialize', name: 'fakeDescribeStacks' },
  );
  return client;
}

describe('newsroom --stage', () => {
  it('finds the drafts bucket and alerts topic of a deployed stage from its stack outputs', async () => {
    const target = await stageTarget(
      'staging',
      fakeCloudFormation({
        'Newsroom-staging-Data': {
          DraftsBucketName: 'drafts-abc',
          SiteBucketName: 'site-abc',
          DistributionDomainName: 'd1.cloudfront.net',
          DistributionId: 'E123',
          SiteUrl: 'https://d1.cloudfront.net',
          AlertsTopicArn: 'arn:aws:sns:eu-west-1:1:alerts',
          EditorsTopicArn: 'arn:aws:sns:eu-west-1:1:editors',
          OpsTopicArn: 'arn:aws:sns:eu-west-1:1:ops',
        },
        'Newsroom-staging-App': {},
      }),
    );
    expect(target.draftsBucket).toBe('drafts-abc');
    expect(target.alertsTopicArn).toBe('arn:aws:sns:eu-west-1:1:alerts');
  });

  it('says which stack is missing when the stage is not deployed', async () => {
    await expect(stageTarget('production', fakeCloudFormation({}))).rejects.toThrow(/does not exist/);
  });
});
