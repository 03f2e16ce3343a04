import type * as Entities from 'entities/lib/decode.js';

let decoders: typeof Entities | undefined;

function loaded(): typeof Entities {
  // A literal require() of a relative path: esbuild bundles the package's CommonJS build and runs it on this first call,
  // not at load; a bare `entities` specifier would be aliased back to this module.
  decoders ??= require('../../../node_modules/entities/lib/decode.js') as typeof Entities;
  return decoders;
}

/**
 * What markdown-it imports from `entities`, in the function bundles (`PIPELINE_BUNDLING` aliases the package to this
 * module): its HTML decoders, with `entities` loaded on the first call. `entities` builds its decode table (about
 * 30 KB of text split into a `Uint16Array`) when loaded, at every cold start of the Markdown functions, and
 * markdown-it calls these only for a named character reference (`&amp;`; it decodes `&#38;` itself), which few
 * drafts carry.
 */
export function decodeHTML(text: string): string {
  return loaded().decodeHTML(text);
}

/** `entities`' `decodeHTMLStrict`, loaded on the first call (see {@link decodeHTML}). */
export function decodeHTMLStrict(text: string): string {
  return loaded().decodeHTMLStrict(text);
}
