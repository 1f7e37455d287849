/**
 * Character references: XML's five predefined entities, numeric references, and the HTML named
 * entities that real feeds use without declaring them (&nbsp;, &eacute;, &rsquo;...).
 */

// Latin-1 names in code-point order from U+00A0 (HTML 4 table).
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const GREEK_UPPER = 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho';
const GREEK_UPPER_2 = 'Sigma Tau Upsilon Phi Chi Psi Omega';
const GREEK_LOWER =
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega';

const OTHER_NAMED: Record<string, number> = {
  quot: 34,
  amp: 38,
  apos: 39,
  lt: 60,
  gt: 62,
  OElig: 338,
  oelig: 339,
  Scaron: 352,
  scaron: 353,
  Yuml: 376,
  fnof: 402,
  circ: 710,
  tilde: 732,
  thetasym: 977,
  upsih: 978,
  piv: 982,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
  zwnj: 8204,
  zwj: 8205,
  lrm: 8206,
  rlm: 8207,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  sbquo: 8218,
  ldquo: 8220,
  rdquo: 8221,
  bdquo: 8222,
  dagger: 8224,
  Dagger: 8225,
  bull: 8226,
  hellip: 8230,
  permil: 8240,
  prime: 8242,
  Prime: 8243,
  lsaquo: 8249,
  rsaquo: 8250,
  oline: 8254,
  frasl: 8260,
  euro: 8364,
  image: 8465,
  weierp: 8472,
  real: 8476,
  trade: 8482,
  alefsym: 8501,
  larr: 8592,
  uarr: 8593,
  rarr: 8594,
  darr: 8595,
  harr: 8596,
  crarr: 8629,
  lArr: 8656,
  uArr: 8657,
  rArr: 8658,
  dArr: 8659,
  hArr: 8660,
  forall: 8704,
  part: 8706,
  exist: 8707,
  empty: 8709,
  nabla: 8711,
  isin: 8712,
  notin: 8713,
  ni: 8715,
  prod: 8719,
  sum: 8721,
  minus: 8722,
  lowast: 8727,
  radic: 8730,
  prop: 8733,
  infin: 8734,
  ang: 8736,
  and: 8743,
  or: 8744,
  cap: 8745,
  cup: 8746,
  int: 8747,
  there4: 8756,
  sim: 8764,
  cong: 8773,
  asymp: 8776,
  ne: 8800,
  equiv: 8801,
  le: 8804,
  ge: 8805,
  sub: 8834,
  sup: 8835,
  nsub: 8836,
  sube: 8838,
  supe: 8839,
  oplus: 8853,
  otimes: 8855,
  perp: 8869,
  sdot: 8901,
  lceil: 8968,
  rceil: 8969,
  lfloor: 8970,
  rfloor: 8971,
  lang: 9001,
  rang: 9002,
  loz: 9674,
  spades: 9824,
  clubs: 9827,
  hearts: 9829,
  diams: 9830,
  // HTML5 names common in feeds.
  hyphen: 8208,
  dash: 8208,
  horbar: 8213,
  rsquor: 8217,
  lsquor: 8218,
  rdquor: 8221,
  ldquor: 8222,
  commat: 64,
  num: 35,
  dollar: 36,
  percnt: 37,
  lpar: 40,
  rpar: 41,
  ast: 42,
  plus: 43,
  comma: 44,
  period: 46,
  sol: 47,
  colon: 58,
  semi: 59,
  equals: 61,
  quest: 63,
  lsqb: 91,
  bsol: 92,
  rsqb: 93,
  lowbar: 95,
  grave: 96,
  lcub: 123,
  verbar: 124,
  rcub: 125,
  excl: 33,
  Tab: 9,
  NewLine: 10,
  check: 10003,
};

function buildNamedTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const [i, name] of LATIN1_NAMES.split(' ').entries()) table.set(name, String.fromCodePoint(0xa0 + i));
  for (const [i, name] of GREEK_UPPER.split(' ').entries()) table.set(name, String.fromCodePoint(913 + i));
  for (const [i, name] of GREEK_UPPER_2.split(' ').entries()) table.set(name, String.fromCodePoint(931 + i));
  for (const [i, name] of GREEK_LOWER.split(' ').entries()) table.set(name, String.fromCodePoint(945 + i));
  for (const [name, code] of Object.entries(OTHER_NAMED)) table.set(name, String.fromCodePoint(code));
  return table;
}

/** HTML named entities, name (case-sensitive) → text. */
export const HTML_ENTITIES: ReadonlyMap<string, string> = buildNamedTable();

/** Windows-1252 meanings of C1 code points, which HTML maps numeric references 128–159 to. */
export const C1_TO_WINDOWS_1252: Readonly<Record<number, number>> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
};

/** Text of a numeric character reference body ("#233", "#xE9"), or null if it is not one. */
export function numericReference(body: string): string | null {
  let code: number;
  if (body[1] === 'x' || body[1] === 'X') {
    if (!/^#[xX][0-9a-fA-F]{1,8}$/.test(body)) return null;
    code = parseInt(body.slice(2), 16);
  } else {
    if (!/^#[0-9]{1,10}$/.test(body)) return null;
    code = parseInt(body.slice(1), 10);
  }
  if (code >= 0x80 && code <= 0x9f && C1_TO_WINDOWS_1252[code]) code = C1_TO_WINDOWS_1252[code];
  // NUL, surrogates and out-of-range code points become U+FFFD rather than throwing.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

const BARE_NAMES = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

const ENTITY_PATTERN = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z][A-Za-z0-9]{0,31});?/g;

/**
 * Decodes HTML character references in text that is already plain (not markup). A reference
 * that is not known stays as written. Used on HTML fragments after XML decoding.
 */
export function decodeHtmlEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY_PATTERN, (whole: string, body: string) => {
    if (body[0] === '#') return numericReference(body) ?? whole;
    // Without ";" only the few names browsers also accept bare ("AT&T", "?a=1&not=2" stay as written).
    if (!whole.endsWith(';') && !BARE_NAMES.has(body)) return whole;
    const named = HTML_ENTITIES.get(body);
    if (named !== undefined) return named;
    return whole;
  });
}
