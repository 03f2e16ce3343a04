import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/config/paths';

/** A regular-expression literal: its body, then its flags. */
const LITERAL = /\/((?:[^/\\\n[]|\\.|\[(?:[^\]\\\n]|\\.)*\])+)\/([dgimsuvy]*)/.source;

/** The regular-expression literals of a TypeScript source: body and flags. */
function regexLiterals(source: string): Array<{ readonly body: string; readonly flags: string }> {
  return [...source.matchAll(new RegExp(`(?<=[=(,:!&|?{};]\\s*|return\\s+|^\\s*)${LITERAL}`, 'gm'))].map((match) => ({
    body: match[1]!,
    flags: match[2]!,
  }));
}

/** The bodies of the literals a TypeScript source names (`const NAME = /body/flags`), by name. */
function namedLiterals(source: string): Map<string, string> {
  return new Map([...source.matchAll(new RegExp(`\\b(?:const|let|var)\\s+(\\w+)\\s*=\\s*${LITERAL}`, 'g'))].map((m) => [m[1]!, m[2]!]));
}

/**
 * The patterns a TypeScript source rebuilds from another's source with flags of its own (`new RegExp(NAME.source, 'u')`):
 * the literal's name and the rebuild's flags (none when the call gives none).
 */
function sourceRebuilds(source: string): Array<{ readonly name: string; readonly flags: string }> {
  return [...source.matchAll(/\bRegExp\(\s*(\w+)\.source\s*(?:,\s*(['"`])([a-z]*)\2\s*)?\)/g)].map((m) => ({ name: m[1]!, flags: m[3] ?? '' }));
}

/** Whether a pattern has a character class naming two or more Unicode properties (`[\p{L}\p{N}]`). */
const hasPropertyUnion = (body: string): boolean =>
  [...body.matchAll(/\[(?:[^\]\\]|\\.)*\]/g)].some((cls) => (cls[0].match(/\\p\{/g) ?? []).length >= 2);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));

describe('regular expressions in shared/', () => {
  it('finds the literals it checks (a class of several properties under v is one)', () => {
    expect(regexLiterals('const A = /[\\p{L}\\p{N}]+/gv;\nconst B = /^a[/]b$/u;')).toEqual([
      { body: '[\\p{L}\\p{N}]+', flags: 'gv' },
      { body: '^a[/]b$', flags: 'u' },
    ]);
    expect(hasPropertyUnion('[\\p{L}\\p{N}]+')).toBe(true);
    expect(hasPropertyUnion('\\p{L}\\p{N}')).toBe(false);
  });

  it("finds the patterns rebuilt from a literal's source, and the literal they rebuild", () => {
    const source = "const A = /[\\p{L}\\p{N}]+/gv;\nconst B = new RegExp(A.source, 'u');\nconst C = RegExp(A.source);";
    expect(sourceRebuilds(source)).toEqual([
      { name: 'A', flags: 'u' },
      { name: 'A', flags: '' },
    ]);
    expect(namedLiterals(source)).toEqual(new Map([['A', '[\\p{L}\\p{N}]+']]));
  });

  it('build no class of several Unicode properties under the u flag, as a literal or rebuilt from one: V8 builds one 3-5x slower than under v, at every cold start', () => {
    const files = sourceFiles(path.join(PROJECT_ROOT, 'shared')).map((file) => ({
      file: path.relative(PROJECT_ROOT, file),
      source: readFileSync(file, 'utf8'),
    }));
    // A rebuild names a literal of its own file, or one imported: the literals of every file, where no two share a name.
    const named = files.flatMap(({ source }) => [...namedLiterals(source)]);
    const unique = new Map(named.filter(([name]) => named.filter(([other]) => other === name).length === 1));
    const literalNamed = (source: string, name: string): string | undefined => namedLiterals(source).get(name) ?? unique.get(name);
    const offending = files.flatMap(({ file, source }) => [
      ...regexLiterals(source)
        .filter(({ body, flags }) => flags.includes('u') && hasPropertyUnion(body))
        .map(({ body, flags }) => `${file}: /${body}/${flags}`),
      ...sourceRebuilds(source).flatMap(({ name, flags }) => {
        const body = literalNamed(source, name);
        if (body === undefined) return [`${file}: RegExp(${name}.source) rebuilds a literal this test cannot find`];
        return flags.includes('u') && hasPropertyUnion(body) ? [`${file}: RegExp(${name}.source, '${flags}') rebuilds /${body}/`] : [];
      }),
    ]);
    expect(offending).toEqual([]);
  });
});
