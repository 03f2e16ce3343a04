/**
 * The named HTML character references decoded in article text: the markup characters,
 * typographic punctuation and symbols newsrooms use, and the Latin-1 letters. A deliberate
 * subset of the HTML5 table (about 2,100 names) to keep Lambda bundles small.
 */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', AMP: '&', lt: '<', LT: '<', gt: '>', GT: '>', quot: '"', QUOT: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a',
  ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e', laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039',
  rsaquo: '\u203a', prime: '\u2032', Prime: '\u2033', dagger: '\u2020', Dagger: '\u2021', permil: '\u2030',
  thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', zwj: '\u200d', zwnj: '\u200c', minus: '\u2212',
  copy: '\u00a9', COPY: '\u00a9', reg: '\u00ae', REG: '\u00ae', trade: '\u2122', euro: '\u20ac', pound: '\u00a3', yen: '\u00a5',
  cent: '\u00a2', curren: '\u00a4', deg: '\u00b0', plusmn: '\u00b1', times: '\u00d7', divide: '\u00f7',
  middot: '\u00b7', bull: '\u2022', sect: '\u00a7', para: '\u00b6', iexcl: '\u00a1', iquest: '\u00bf',
  brvbar: '\u00a6', uml: '\u00a8', ordf: '\u00aa', ordm: '\u00ba', not: '\u00ac', macr: '\u00af',
  sup1: '\u00b9', sup2: '\u00b2', sup3: '\u00b3', acute: '\u00b4', micro: '\u00b5', cedil: '\u00b8',
  frac14: '\u00bc', frac12: '\u00bd', frac34: '\u00be', larr: '\u2190', rarr: '\u2192', uarr: '\u2191',
  darr: '\u2193', le: '\u2264', ge: '\u2265', ne: '\u2260', asymp: '\u2248', infin: '\u221e',
  AElig: '\u00c6', aelig: '\u00e6', ETH: '\u00d0', eth: '\u00f0', THORN: '\u00de', thorn: '\u00fe',
  szlig: '\u00df', Oslash: '\u00d8', oslash: '\u00f8', OElig: '\u0152', oelig: '\u0153',
  Scaron: '\u0160', scaron: '\u0161', Yuml: '\u0178', Zcaron: '\u017d', zcaron: '\u017e',
};

/** Accented Latin-1 letters, named `<letter><accent>` in HTML: `eacute`, `Uuml`, `ntilde`… */
const ACCENTED: Readonly<Record<string, string>> = {
  grave: 'AÀEÈIÌOÒUÙaàeèiìoòuù',
  acute: 'AÁEÉIÍOÓUÚYÝaáeéiíoóuúyý',
  circ: 'AÂEÊIÎOÔUÛaâeêiîoôuû',
  tilde: 'AÃNÑOÕaãnñoõ',
  uml: 'AÄEËIÏOÖUÜaäeëiïoöuüyÿ',
  ring: 'AÅaå',
  cedil: 'CÇcç',
};

const ENTITY_TABLE: ReadonlyMap<string, string> = (() => {
  const table = new Map(Object.entries(NAMED_ENTITIES));
  for (const [accent, pairs] of Object.entries(ACCENTED)) {
    for (let i = 0; i < pairs.length; i += 2) table.set(pairs.charAt(i) + accent, pairs.charAt(i + 1));
  }
  return table;
})();

/**
 * The character a named HTML entity stands for (`eacute` → `é`), or `undefined` when the
 * name is not in this module's table. Only the table above is known: markup characters,
 * common typographic punctuation and symbols, and the Latin-1 letters; any other HTML5
 * name (`&hearts;`, `&alpha;`…) is reported as unknown.
 */
export function namedEntity(name: string): string | undefined {
  return ENTITY_TABLE.get(name);
}

/**
 * The character of a numeric character reference's code point, or U+FFFD for code points
 * HTML does not allow (surrogates, most control characters, non-characters, > U+10FFFF).
 */
export function numericEntity(codePoint: number): string {
  const c = codePoint;
  const invalid =
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0xfdd0 && c <= 0xfdef) ||
    (c & 0xffff) === 0xffff ||
    (c & 0xffff) === 0xfffe ||
    c <= 0x08 ||
    c === 0x0b ||
    (c >= 0x0e && c <= 0x1f) ||
    (c >= 0x7f && c <= 0x9f) ||
    c > 0x10ffff;
  return String.fromCodePoint(invalid ? 0xfffd : c);
}
