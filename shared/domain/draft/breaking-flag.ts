import { parse as parseYaml } from 'yaml';
import { splitFrontMatter } from './front-matter';

/**
 * Whether a draft file declares `breaking: true`, read from its front matter
 * (Markdown) or top-level object (JSON) only: the cheap look the intake triage
 * takes to pick a lane. Anything unreadable is not breaking here; ingest
 * validates the draft fully and reports what is wrong with it.
 */
export function declaresBreaking(fileName: string, bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8')
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  try {
    if (fileName.toLowerCase().endsWith('.json')) return fieldIsTrue(JSON.parse(text));
    const split = splitFrontMatter(text);
    return split.ok && fieldIsTrue(parseYaml(split.yaml));
  } catch {
    return false;
  }
}

function fieldIsTrue(fields: unknown): boolean {
  return typeof fields === 'object' && fields !== null && (fields as { breaking?: unknown }).breaking === true;
}
