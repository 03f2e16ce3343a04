import { InvalidFilterRuleError, isLeafValue, isPlainObject, matchesValueRules } from './value-matcher';

/**
 * Whether a value (a DynamoDB stream record, an event) matches a Lambda
 * event-filtering / EventBridge pattern, as AWS evaluates it:
 *
 * - every key of the pattern must match (AND), nested objects recursively;
 * - an array in the pattern lists the allowed rules (OR): literals
 *   (string, number, boolean, null), `{prefix}`, `{suffix}`,
 *   `{'anything-but'}`, `{exists}`, `{numeric: ['>', 0, '<=', 5]}`;
 * - when the value is an array, it matches if any element matches;
 * - rules apply to leaf values only: an object where the pattern expects a
 *   leaf matches no rule, not even `{exists: true}` (as on AWS).
 *
 * @throws InvalidFilterRuleError when the pattern is not an object or holds an unknown rule.
 */
export function matchesFilterPattern(pattern: unknown, value: unknown): boolean {
  if (!isPlainObject(pattern)) {
    throw new InvalidFilterRuleError(`A filter pattern must be an object, got ${JSON.stringify(pattern)}`);
  }
  return Object.entries(pattern).every(([key, expected]) => {
    const field = isPlainObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
    if (Array.isArray(expected)) return matchesLeafField(expected, field);
    if (isPlainObject(expected)) return matchesNestedField(expected, field);
    throw new InvalidFilterRuleError(`Pattern key "${key}" must hold an array or an object`);
  });
}

function matchesLeafField(rules: unknown, field: unknown): boolean {
  if (field === undefined) return matchesValueRules(rules, undefined);
  if (isPlainObject(field)) return false;
  const elements = Array.isArray(field) ? field : [field];
  return matchesValueRules(rules, elements.filter(isLeafValue));
}

function matchesNestedField(pattern: Record<string, unknown>, field: unknown): boolean {
  if (Array.isArray(field)) return field.some((element) => matchesFilterPattern(pattern, element));
  return matchesFilterPattern(pattern, field);
}
