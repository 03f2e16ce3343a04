import { Stack, Validations, type IPolicyValidationContext, type IPolicyValidationPlugin, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/** An accepted IAM wildcard: the `AwsSolutions-IAM5` findings it matches, and why it is acceptable. */
export interface WildcardAcknowledgment {
  /** Matches the finding, e.g. `Action::s3:GetObject*` or `Resource::…/drafts/*`. */
  readonly finding: RegExp;
  /** Why the wildcard is acceptable; recorded with the acknowledgement. */
  readonly reason: string;
}

const registered = new Map<IConstruct, WildcardAcknowledgment[]>();

/**
 * Accepts `AwsSolutions-IAM5` wildcard findings in the IAM policies under
 * `scope`, or under its `role` when it is a function.
 *
 * Findings of cross-stack grants embed generated export names, so they are
 * matched by pattern and acknowledged one by one, by their exact id, at
 * validation time by {@link WildcardAcknowledgmentsPlugin}. A finding no
 * pattern matches stays an error.
 */
export function acknowledgeWildcards(scope: IConstruct, ...acknowledgments: WildcardAcknowledgment[]): void {
  registered.set(scope, [...(registered.get(scope) ?? []), ...acknowledgments]);
}

/**
 * A validation plugin that reports nothing itself: it turns the patterns of
 * {@link acknowledgeWildcards} into exact `Validations.acknowledge` entries
 * once cross-stack references are resolved. Register it beside cdk-nag.
 */
export class WildcardAcknowledgmentsPlugin implements IPolicyValidationPlugin {
  readonly name = 'newsroom-wildcard-acknowledgments';

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    for (const { policy, finding, reason } of matchedFindings(context.appConstruct)) {
      Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
    return { success: true, violations: [] };
  }
}

/** One wildcard finding accepted by an {@link acknowledgeWildcards} pattern. */
export interface AcknowledgedWildcard {
  /** The finding in cdk-nag's notation, e.g. `Resource::…/drafts/*`. */
  readonly finding: string;
  readonly reason: string;
}

/**
 * The wildcard findings acknowledged in the app that `construct` belongs to,
 * each with its reason: what the plugin acknowledges at validation, for
 * reports such as `npm run synth`'s.
 */
export function acknowledgedWildcards(construct: IConstruct): AcknowledgedWildcard[] {
  return [...matchedFindings(construct)].map(({ finding, reason }) => ({ finding, reason }));
}

function* matchedFindings(construct: IConstruct): Generator<{ policy: CfnPolicy; finding: string; reason: string }> {
  for (const [scope, acknowledgments] of registered) {
    if (scope.node.root !== construct.node.root) continue;
    for (const policy of policiesOf(scope)) {
      for (const finding of wildcardFindings(policy)) {
        const match = acknowledgments.find((ack) => ack.finding.test(finding));
        if (match) yield { policy, finding, reason: match.reason };
      }
    }
  }
}

/** The IAM policies beneath `scope` and, for a function, beneath its role (a sibling construct). */
function policiesOf(scope: IConstruct): CfnPolicy[] {
  const role = 'role' in scope && isConstruct(scope.role) ? [scope.role] : [];
  return [scope, ...role].flatMap((root) => root.node.findAll()).filter((construct): construct is CfnPolicy => construct instanceof CfnPolicy);
}

function isConstruct(value: unknown): value is IConstruct {
  return isRecord(value) && 'node' in value;
}

/** The wildcard findings of a policy, in the notation of cdk-nag's IAM5 rule. */
function wildcardFindings(policy: CfnPolicy): string[] {
  const document: unknown = Stack.of(policy).resolve(policy.policyDocument);
  const statements = isRecord(document) && Array.isArray(document.Statement) ? document.Statement : [];
  const findings = new Set<string>();
  for (const statement of statements) {
    if (!isRecord(statement) || statement.Effect !== 'Allow') continue;
    for (const action of asArray(statement.Action)) {
      if (typeof action === 'string' && action.includes('*')) findings.add(`Action::${action}`);
    }
    for (const resource of asArray(statement.Resource)) {
      const flat = flattenCfnReference(resource);
      if (flat.includes('*')) findings.add(`Resource::${flat}`);
    }
  }
  return [...findings];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}
