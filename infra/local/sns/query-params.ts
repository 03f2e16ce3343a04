import { invalidParameter } from './sns-api-error';

/**
 * The flattened parameters of an AWS Query request (`Action=Publish&
 * MessageAttributes.entry.1.Name=...`), read by member path.
 */
export class QueryParams {
  private constructor(
    private readonly values: ReadonlyMap<string, string>,
    private readonly prefix: string,
  ) {}

  /** Reads a form-encoded body (and optionally the URL's query string) into parameters. */
  static parse(...sources: readonly string[]): QueryParams {
    const values = new Map<string, string>();
    for (const source of sources) {
      for (const [key, value] of new URLSearchParams(source)) values.set(key, value);
    }
    return new QueryParams(values, '');
  }

  /** The value of a member, or undefined when absent. */
  get(name: string): string | undefined {
    return this.values.get(this.prefix + name);
  }

  /** The value of a required member. @throws SnsApiError InvalidParameter when it is absent or empty. */
  require(name: string): string {
    const value = this.get(name);
    if (value === undefined || value === '') throw invalidParameter(`${name} is required`);
    return value;
  }

  /** The parameters under `name.`, e.g. one list member. */
  scope(name: string): QueryParams {
    return new QueryParams(this.values, `${this.prefix}${name}.`);
  }

  /**
   * The items of a list or map serialized as `name.<kind>.1`, `name.<kind>.2`, ...
   * (`kind` is `member` for lists, `entry` for maps), in index order.
   */
  items(name: string, kind: 'member' | 'entry'): QueryParams[] {
    const head = `${this.prefix}${name}.${kind}.`;
    const indexes = new Set<number>();
    for (const key of this.values.keys()) {
      if (!key.startsWith(head)) continue;
      const index = Number.parseInt(key.slice(head.length), 10);
      if (Number.isInteger(index) && index > 0) indexes.add(index);
    }
    return [...indexes].sort((a, b) => a - b).map((index) => new QueryParams(this.values, `${head}${index}.`));
  }

  /** A string map serialized as `name.entry.N.<keyName>` / `name.entry.N.<valueName>`. */
  map(name: string, keyName = 'key', valueName = 'value'): Map<string, string> {
    const result = new Map<string, string>();
    for (const entry of this.items(name, 'entry')) {
      result.set(entry.require(keyName), entry.get(valueName) ?? '');
    }
    return result;
  }
}
