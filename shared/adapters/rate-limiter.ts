import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './condition-failure';

/** One limit: at most `limit` hits per `windowSeconds` for each key. */
export interface RateRule {
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

/** Counts hits per key in fixed windows. */
export interface RateLimiter {
  /** Counts a hit; false when the key is over its limit in the current window (the hit is not counted). */
  hit(rule: RateRule, key: string, now: Date): Promise<boolean>;
}

/**
 * A fixed-window counter per (rule, key, window) in the subscriber table, one
 * conditional update per hit, expiring through the table's TTL. The same code
 * limits requests on AWS and locally.
 */
export function createRateLimiter({ client, tableName }: { client: DynamoDBDocumentClient; tableName: string }): RateLimiter {
  return {
    async hit(rule, key, now) {
      const window = Math.floor(now.getTime() / 1000 / rule.windowSeconds);
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { PK: `RATE#${rule.name}#${key}`, SK: `W#${window}` },
            UpdateExpression: 'ADD hits :one SET expiresAt = :expires',
            ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
            ExpressionAttributeValues: { ':one': 1, ':limit': rule.limit, ':expires': (window + 2) * rule.windowSeconds },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}
