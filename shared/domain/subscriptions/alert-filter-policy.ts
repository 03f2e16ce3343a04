import { ALERT_ATTRIBUTES, BREAKING_ATTRIBUTE_VALUE } from '../../../events/names';
import { canonicalSectionName, canonicalTagName } from '../draft/text-hygiene';

/** What a subscriber chose to hear about. Empty lists mean "any". */
export interface AlertPreferences {
  readonly sections?: readonly string[];
  readonly tags?: readonly string[];
  readonly breakingOnly?: boolean;
}

/** An SNS subscription filter policy on message attributes. */
export type AlertFilterPolicy = Record<string, string[]>;

/** SNS allows at most 5 keys and 150 value combinations in one filter policy. */
export const FILTER_POLICY_LIMITS = { keys: 5, combinations: 150 } as const;

/** A subscriber's preferences do not fit in one SNS filter policy. */
export class FilterPolicyLimitError extends Error {
  override readonly name = 'FilterPolicyLimitError';
}

/**
 * The filter policy for a subscriber's preferences, or `undefined` when they
 * want every alert. Sections and tags each match any listed value (tags is a
 * `String.Array` attribute, so an alert matches if any of its tags is listed);
 * listing both requires both to match.
 *
 * @throws FilterPolicyLimitError when the policy would exceed SNS limits.
 */
export function alertFilterPolicy(preferences: AlertPreferences): AlertFilterPolicy | undefined {
  const policy: AlertFilterPolicy = {};
  const unique = (values: readonly string[] = [], canonical: (name: string) => string) => [...new Set(values.map(canonical).filter(Boolean))];
  // The same canonical names the draft schema gives articles, so `world` matches section `World`.
  const sections = unique(preferences.sections, canonicalSectionName);
  const tags = unique(preferences.tags, canonicalTagName);
  if (sections.length > 0) policy[ALERT_ATTRIBUTES.section] = sections;
  if (tags.length > 0) policy[ALERT_ATTRIBUTES.tags] = tags;
  if (preferences.breakingOnly) policy[ALERT_ATTRIBUTES.breaking] = [BREAKING_ATTRIBUTE_VALUE];
  const keys = Object.keys(policy);
  if (keys.length === 0) return undefined;
  const combinations = Object.values(policy).reduce((product, values) => product * values.length, 1);
  if (keys.length > FILTER_POLICY_LIMITS.keys || combinations > FILTER_POLICY_LIMITS.combinations) {
    throw new FilterPolicyLimitError(
      `This subscription needs ${combinations} value combinations; SNS allows ${FILTER_POLICY_LIMITS.combinations}. Choose fewer sections or tags.`,
    );
  }
  return policy;
}
