import * as z from 'zod';
import { describeValueRulesProblem, isLeafValue, isPlainObject, matchesValueRules, type LeafValue } from './value-matcher';

/** An SNS message attribute as published (`MessageAttributeValue`). */
export interface SnsMessageAttribute {
  readonly DataType: string;
  readonly StringValue?: string;
}

/** SNS quota: keys in one filter policy. */
export const MAX_FILTER_POLICY_KEYS = 5;
/** SNS quota: product of the number of values of every key. */
export const MAX_FILTER_POLICY_COMBINATIONS = 150;

/**
 * Whether a message's attributes match an SNS subscription filter policy
 * with `FilterPolicyScope: MessageAttributes`: every policy key must match
 * (AND), any of a key's values may (OR). A policy key whose attribute is
 * absent matches only `{exists: false}`. `String` attributes compare as
 * strings, `Number` attributes as numbers, `String.Array` attributes (a JSON
 * array in `StringValue`) match when any element matches; `Binary`
 * attributes are ignored by filtering, as on AWS.
 *
 * The policy must be valid ({@link validateFilterPolicy}).
 * @throws InvalidFilterRuleError when a key holds an unknown rule.
 */
export function matchesFilterPolicy(policy: Record<string, unknown>, attributes: Record<string, SnsMessageAttribute>): boolean {
  return Object.entries(policy).every(([key, rules]) => {
    const attribute = Object.hasOwn(attributes, key) ? attributes[key] : undefined;
    return matchesValueRules(rules, attribute && attributeValues(attribute));
  });
}

/**
 * Checks a parsed filter policy against the rules and quotas SNS enforces
 * for the MessageAttributes scope: an object of at most
 * {@link MAX_FILTER_POLICY_KEYS} keys, each holding a non-empty array of
 * known rules (no nested objects), and at most
 * {@link MAX_FILTER_POLICY_COMBINATIONS} value combinations.
 *
 * @returns the reason the policy is rejected, or null when it is valid.
 */
export function validateFilterPolicy(policy: unknown): string | null {
  if (!isPlainObject(policy)) return 'Filter policy must be a JSON object';
  const entries = Object.entries(policy);
  if (entries.length > MAX_FILTER_POLICY_KEYS) {
    return `Filter policy can not have more than ${MAX_FILTER_POLICY_KEYS} keys (has ${entries.length})`;
  }
  let combinations = 1;
  for (const [key, rules] of entries) {
    if (isPlainObject(rules)) {
      return `Filter policy key "${key}" holds an object: nested policies need FilterPolicyScope MessageBody, which is not supported`;
    }
    const problem = describeValueRulesProblem(rules);
    if (problem !== null) return `Filter policy key "${key}": ${problem}`;
    combinations *= Array.isArray(rules) ? rules.length : 1;
  }
  if (combinations > MAX_FILTER_POLICY_COMBINATIONS) {
    return `Filter policy is too complex: ${combinations} value combinations, at most ${MAX_FILTER_POLICY_COMBINATIONS} allowed`;
  }
  return null;
}

const stringArraySchema = z.array(z.unknown());

/** The leaf values a filter sees in an attribute, or undefined when filtering ignores it. */
function attributeValues(attribute: SnsMessageAttribute): LeafValue[] | undefined {
  const { DataType: type, StringValue: text } = attribute;
  if (text === undefined || type.startsWith('Binary')) return undefined;
  if (type === 'String.Array') {
    const parsed = stringArraySchema.safeParse(parseJson(text));
    return parsed.success ? parsed.data.filter(isLeafValue) : [];
  }
  if (type.startsWith('Number')) {
    const number = Number(text);
    return Number.isFinite(number) && text.trim() !== '' ? [number] : [];
  }
  return [text];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
