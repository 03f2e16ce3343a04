import * as z from 'zod';

/**
 * The value rules shared by Lambda/EventBridge event patterns and SNS filter
 * policies: the array that stands for one field, e.g.
 * `['Tech', {prefix: 'Sci'}, {numeric: ['>', 0]}]`. A field matches when any
 * rule in its array matches any of the field's leaf values.
 */

/** A leaf value that rules compare against. */
export type LeafValue = string | number | boolean | null;

/** Whether a JSON value is a leaf that rules can compare against. */
export function isLeafValue(value: unknown): value is LeafValue {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Whether a JSON value is an object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Thrown when a pattern or policy holds a rule this matcher does not know. */
export class InvalidFilterRuleError extends Error {
  override readonly name = 'InvalidFilterRuleError';
}

const NUMERIC_OPERATORS = ['=', '<', '<=', '>', '>='] as const;
type NumericOperator = (typeof NUMERIC_OPERATORS)[number];

const leafSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const numericConditionsSchema = z
  .array(z.union([z.enum(NUMERIC_OPERATORS), z.number()]))
  .min(2)
  .max(4)
  .transform((items, ctx) => {
    const conditions: { operator: NumericOperator; operand: number }[] = [];
    for (let i = 0; i < items.length; i += 2) {
      const operator = items[i];
      const operand = items[i + 1];
      if (typeof operator !== 'string' || typeof operand !== 'number') {
        ctx.addIssue({ code: 'custom', message: 'numeric expects operator/number pairs, e.g. [">", 0, "<=", 5]' });
        return z.NEVER;
      }
      conditions.push({ operator, operand });
    }
    return conditions;
  });

const anythingButSchema = z.union([
  leafSchema.transform((value) => ({ kind: 'values' as const, values: [value] })),
  z
    .array(leafSchema)
    .min(1)
    .transform((values) => ({ kind: 'values' as const, values })),
  z.strictObject({ prefix: z.string() }).transform(({ prefix }) => ({ kind: 'prefix' as const, prefix })),
  z.strictObject({ suffix: z.string() }).transform(({ suffix }) => ({ kind: 'suffix' as const, suffix })),
]);

const ruleSchema = z.union([
  leafSchema.transform((value) => ({ kind: 'equals' as const, value })),
  z.strictObject({ prefix: z.string() }).transform(({ prefix }) => ({ kind: 'prefix' as const, prefix })),
  z.strictObject({ suffix: z.string() }).transform(({ suffix }) => ({ kind: 'suffix' as const, suffix })),
  z.strictObject({ exists: z.boolean() }).transform(({ exists }) => ({ kind: 'exists' as const, exists })),
  z.strictObject({ 'anything-but': anythingButSchema }).transform((rule) => ({ kind: 'anything-but' as const, except: rule['anything-but'] })),
  z.strictObject({ numeric: numericConditionsSchema }).transform(({ numeric }) => ({ kind: 'numeric' as const, conditions: numeric })),
]);

/** One parsed rule. */
export type ValueRule = z.output<typeof ruleSchema>;

/** Parses one rule, throwing {@link InvalidFilterRuleError} with the rule in the message when it is unknown. */
export function parseValueRule(rule: unknown): ValueRule {
  const parsed = ruleSchema.safeParse(rule);
  if (!parsed.success) {
    throw new InvalidFilterRuleError(`Unsupported filter rule ${JSON.stringify(rule)}`);
  }
  return parsed.data;
}

/**
 * Parses the rule array of one field. Values are always arrays in patterns
 * and policies; an empty array matches nothing and is rejected.
 */
export function parseValueRules(rules: unknown): ValueRule[] {
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new InvalidFilterRuleError(`Match values must be a non-empty array, got ${JSON.stringify(rules)}`);
  }
  return rules.map(parseValueRule);
}

/** Returns why the rule array of one field is invalid, or null when it is valid. */
export function describeValueRulesProblem(rules: unknown): string | null {
  try {
    parseValueRules(rules);
    return null;
  } catch (error) {
    if (error instanceof InvalidFilterRuleError) return error.message;
    throw error;
  }
}

/**
 * Whether any rule matches the field. `values` is undefined when the field is
 * absent (only `{exists: false}` matches then), otherwise the field's leaf
 * values: one for a scalar, each element for an array.
 * @throws InvalidFilterRuleError when `rules` is not a non-empty array of known rules.
 */
export function matchesValueRules(rules: unknown, values: readonly LeafValue[] | undefined): boolean {
  return parseValueRules(rules).some((rule) => matchesRule(rule, values));
}

function matchesRule(rule: ValueRule, values: readonly LeafValue[] | undefined): boolean {
  if (rule.kind === 'exists') return rule.exists === (values !== undefined);
  if (values === undefined) return false;
  return values.some((value) => matchesLeaf(rule, value));
}

function matchesLeaf(rule: Exclude<ValueRule, { kind: 'exists' }>, value: LeafValue): boolean {
  switch (rule.kind) {
    case 'equals':
      return value === rule.value;
    case 'prefix':
      return typeof value === 'string' && value.startsWith(rule.prefix);
    case 'suffix':
      return typeof value === 'string' && value.endsWith(rule.suffix);
    case 'numeric':
      return typeof value === 'number' && rule.conditions.every((c) => compare(value, c.operator, c.operand));
    case 'anything-but':
      return !matchesExcluded(rule.except, value);
  }
}

function matchesExcluded(except: z.output<typeof anythingButSchema>, value: LeafValue): boolean {
  switch (except.kind) {
    case 'values':
      return except.values.includes(value);
    case 'prefix':
      // A non-string is not "anything but this prefix": AWS only matches strings here.
      return typeof value !== 'string' || value.startsWith(except.prefix);
    case 'suffix':
      return typeof value !== 'string' || value.endsWith(except.suffix);
  }
}

function compare(value: number, operator: NumericOperator, operand: number): boolean {
  switch (operator) {
    case '=':
      return value === operand;
    case '<':
      return value < operand;
    case '<=':
      return value <= operand;
    case '>':
      return value > operand;
    case '>=':
      return value >= operand;
  }
}
