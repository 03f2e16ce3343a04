import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/** Geography prefixes of Bedrock's system-defined (cross-Region) inference profile ids, e.g. `eu.` in `eu.amazon.nova-lite-v1:0`. */
const INFERENCE_PROFILE_PREFIX = /^(us|eu|apac|us-gov|jp|au|ca|global)\.(.+)$/;

/** Invoke actions the Converse API is authorised by (InvokeModel and its streaming form). */
const INVOKE_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];

/**
 * The statements that let a role call Converse with `modelId`. A foundation
 * model id gets that model in the stack's Region. A cross-Region inference
 * profile id gets the profile, and the model it names in every Region the
 * profile may route to, but only when called through that profile
 * (`bedrock:InferenceProfileArn`), as Bedrock requires both.
 */
export function bedrockInvokeStatements(scope: IConstruct, modelId: string): PolicyStatement[] {
  const stack = Stack.of(scope);
  const profile = INFERENCE_PROFILE_PREFIX.exec(modelId);
  if (!profile) {
    return [
      new PolicyStatement({
        actions: INVOKE_ACTIONS,
        resources: [`arn:${stack.partition}:bedrock:${stack.region}::foundation-model/${modelId}`],
      }),
    ];
  }
  const profileArn = `arn:${stack.partition}:bedrock:${stack.region}:${stack.account}:inference-profile/${modelId}`;
  return [
    new PolicyStatement({ actions: INVOKE_ACTIONS, resources: [profileArn] }),
    new PolicyStatement({
      actions: INVOKE_ACTIONS,
      resources: [`arn:${stack.partition}:bedrock:*::foundation-model/${profile[2]}`],
      conditions: { StringEquals: { 'bedrock:InferenceProfileArn': profileArn } },
    }),
  ];
}
