/** Turns a draft's bytes into text, refusing what is not a reasonable UTF-8 text file. */
import type { DraftProblem } from '../article';

/** A draft's text (BOM removed, CRLF turned into LF), or why it could not be read. */
export type DecodeResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: DraftProblem };

/**
 * Decodes draft bytes as UTF-8. Checks, in order: not empty, at most
 * `maxBytes` (before decoding), no NUL byte (binary), valid UTF-8, not only
 * whitespace. A leading byte order mark is dropped and CRLF line ends become
 * LF, which keeps line numbers.
 */
export function decodeDraftBytes(bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (bytes.length === 0) return fail('The file is empty');
  if (bytes.length > maxBytes) return fail(`The file is too large: ${bytes.length} bytes, at most ${maxBytes}`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail('The file contains NUL bytes: it looks like a binary file, not UTF-8 text', lineAtByte(bytes, nul));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('The file is not valid UTF-8 text; save it as UTF-8');
  }
  if (text.trim() === '') return fail('The file is empty (only whitespace)');
  return { ok: true, text: text.replace(/\r\n/g, '\n') };
}

function lineAtByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

function fail(message: string, line?: number): DecodeResult {
  return { ok: false, problem: { path: '', message, line } };
}
