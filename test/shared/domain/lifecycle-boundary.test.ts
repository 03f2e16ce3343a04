import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SOURCE_DIRS = ['shared', 'functions', 'infra', 'events', 'bench', 'scripts'];
/** The lifecycle table and its one adapter: the only files that may name stages or condition writes on an article head. */
const ALLOWED = new Set(['shared/domain/lifecycle.ts', 'shared/adapters/article-store.ts']);

/** A stage written as a literal next to the word stage, or the stage attribute named in a DynamoDB expression. */
const STAGE_LITERAL = [/\bstages?\b[^\n]{0,24}'(render|notify|done|scheduled)'/, /'(render|notify|done|scheduled)'[^\n]{0,8}\bstage\b/, /#stage\b/];
/** A file that addresses the article head item ... */
const HEAD_ITEM = /\bkeys\.head\b|\bHEAD_SORT_KEY\b/;
/** ... and conditions or filters on it (key conditions are not conditions on the head's state). */
const HEAD_CONDITION = /\b(ConditionExpression|FilterExpression)\b/;

/** What in `text` breaks the rule that stages and head conditions live only in the lifecycle table and the article store. */
function lifecycleLeaks(text: string): string[] {
  const leaks = STAGE_LITERAL.filter((pattern) => pattern.test(text)).map((pattern) => `stage literal ${pattern}`);
  if (HEAD_ITEM.test(text) && HEAD_CONDITION.test(text)) leaks.push('condition on the article head');
  return leaks;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(ts|js|mjs)$/.test(path) && !path.includes('node_modules'))
    .map((path) => relative(ROOT, join(ROOT, dir, path)));
}

describe('the lifecycle boundary', () => {
  it('catches a hand-written stage condition (the check can fail)', () => {
    const handWritten = `Key: { PK: keys.article(id), SK: keys.head },
      ConditionExpression: '#version = :version AND #stage = :stage',
      ExpressionAttributeNames: { '#stage': 'stage' }`;
    expect(lifecycleLeaks(handWritten)).toEqual(['stage literal /#stage\\b/', 'condition on the article head']);
    expect(lifecycleLeaks("if (head.stage === 'notify') return;")).toHaveLength(1);
    expect(lifecycleLeaks("const status: 'sending' | 'done' = 'done';")).toEqual([]);
  });

  it('keeps stage literals and article-head conditions in shared/domain/lifecycle.ts and shared/adapters/article-store.ts', () => {
    const leaking = SOURCE_DIRS.flatMap(sourceFiles)
      .filter((file) => !ALLOWED.has(file))
      .flatMap((file) => lifecycleLeaks(readFileSync(join(ROOT, file), 'utf8')).map((leak) => `${file}: ${leak}`));
    expect(leaking).toEqual([]);
  });
});
