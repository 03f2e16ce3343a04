import { chunkSpecifier, YAML_PARSE_CHUNK } from '../../config/lazy-chunks';
import { splitFrontMatter } from './front-matter';

/**
 * Whether a draft file declares `breaking: true`, read from its front matter
 * (Markdown) or top-level object (JSON) only: the cheap look the intake triage
 * takes to pick a lane. Anything unreadable is not breaking here; ingest
 * validates the draft fully and reports what is wrong with it.
 *
 * The YAML parser is loaded only for front matter that could hold the key:
 * most drafts are not breaking, and the parser is the largest part of a cold
 * triage (see `npm run bench -- size`). A deployed bundle keeps it in a chunk
 * of its own (`YAML_PARSE_CHUNK`): inlined, V8 parsed it at every cold start.
 */
export async function declaresBreaking(fileName: string, bytes: Uint8Array): Promise<boolean> {
  const text = new TextDecoder('utf-8')
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  try {
    if (fileName.toLowerCase().endsWith('.json')) return fieldIsTrue(JSON.parse(text));
    const split = splitFrontMatter(text);
    if (!split.ok || !mayNameBreaking(split.yaml)) return false;
    const { parse }: typeof import('./yaml-parse') = await import(chunkSpecifier(YAML_PARSE_CHUNK, './yaml-parse'));
    return fieldIsTrue(parse(split.yaml));
  } catch {
    return false;
  }
}

/**
 * False only when no YAML key can equal `breaking`: the word is absent and
 * there is no backslash, the one way (a double-quoted escape) to spell it
 * without its letters.
 */
function mayNameBreaking(yaml: string): boolean {
  return yaml.includes('breaking') || yaml.includes('\\');
}

function fieldIsTrue(fields: unknown): boolean {
  return typeof fields === 'object' && fields !== null && (fields as { breaking?: unknown }).breaking === true;
}
