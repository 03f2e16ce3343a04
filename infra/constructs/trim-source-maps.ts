import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decode, encode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';

/** The parts of a source map (version 3) that {@link trimSourceMap} reads and writes. */
export interface SourceMapV3 {
  readonly version: 3;
  readonly sources: readonly string[];
  readonly names: readonly string[];
  readonly mappings: string;
  readonly [key: string]: unknown;
}

/**
 * Whether a map's source is a package's: a file under `node_modules` (sources are paths relative to the map's
 * folder), or a URL, which a package's own source map may give (entities names its GitHub sources).
 */
const isPackageSource = (mapDir: string, source: string): boolean =>
  /^[a-z][\w+.-]*:/i.test(source) || path.resolve(mapDir, source).split(path.sep).includes('node_modules');

/**
 * `map` without the mappings into packages (`node_modules`, URLs): each run of
 * generated code that came from a package keeps one segment without a
 * source, so Node reports a frame there at its bundle position instead of
 * attributing it to the project code before it. Node reads and parses a
 * bundle's whole map at load with `--enable-source-maps`; the packages' share
 * of it (the AWS SDK above all) is most of the map, and stack traces through
 * the project's own code stay mapped.
 *
 * @param mapDir the folder the map lies in (its sources are relative to it)
 */
export function trimSourceMap(map: SourceMapV3, mapDir: string): SourceMapV3 {
  const kept = map.sources.map((source) => !isPackageSource(mapDir, source));
  const sources: string[] = [];
  const names: string[] = [];
  const sourceIndex = new Map<number, number>();
  const nameIndex = new Map<number, number>();
  const renumber = (index: number, from: readonly string[], to: string[], seen: Map<number, number>): number => {
    let renumbered = seen.get(index);
    if (renumbered === undefined) {
      renumbered = to.push(from[index]!) - 1;
      seen.set(index, renumbered);
    }
    return renumbered;
  };
  const lines = decode(map.mappings).map((segments) => {
    const trimmed: SourceMapSegment[] = [];
    let inPackage = false;
    for (const segment of segments) {
      if (segment.length === 1 || !kept[segment[1]]) {
        if (!inPackage) trimmed.push([segment[0]]);
        inPackage = true;
        continue;
      }
      inPackage = false;
      const source = renumber(segment[1], map.sources, sources, sourceIndex);
      trimmed.push(
        segment.length === 5
          ? [segment[0], source, segment[2], segment[3], renumber(segment[4], map.names, names, nameIndex)]
          : [segment[0], source, segment[2], segment[3]],
      );
    }
    return trimmed;
  });
  // Node (20) reads a one-field segment that ends the mappings as mapped to the last source: an empty line after it ends it.
  const endsUnmapped = lines.at(-1)?.at(-1)?.length === 1;
  return { ...map, sources, names, mappings: `${encode(lines)}${endsUnmapped ? ';' : ''}` };
}

/** Trims ({@link trimSourceMap}) every `.map` file in `dir`, in place. */
export function trimSourceMapsIn(dir: string): void {
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.map'))) {
    const mapFile = path.join(dir, file);
    writeFileSync(mapFile, JSON.stringify(trimSourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMapV3, dir)));
  }
}
