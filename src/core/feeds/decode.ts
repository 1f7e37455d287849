/**
 * Bytes → text for feeds. Order of evidence: byte-order mark, XML declaration, HTTP charset,
 * then sniffing. A declared legacy charset is overruled when the bytes are valid UTF-8 with
 * non-ASCII characters (a frequent mislabel). Declared or assumed UTF-8 that is not valid UTF-8
 * stays UTF-8 (with U+FFFD) when most multi-byte sequences are valid, else falls back to a sniffed
 * legacy charset. Uses only TextDecoder (service worker and Node).
 */

import { C1_TO_WINDOWS_1252 } from './entities';

export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used, e.g. "utf-8", "windows-1251". */
  encoding: string;
  warnings: string[];
}

/** WHATWG encoding name for a label, or null when the platform does not know it. */
function encodingFor(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/**
 * Decodes with TextDecoder. For windows-1252, C1 code points are mapped to the characters
 * windows-1252 puts there (curly quotes, dashes, €): some runtimes (Node 20) decode the label
 * as plain ISO-8859-1, which would lose them.
 */
function decodeWith(bytes: Uint8Array, encoding: string): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = C1_TO_WINDOWS_1252[c.charCodeAt(0)];
    return mapped === undefined ? c : String.fromCharCode(mapped);
  });
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array, limit: number): boolean {
  const end = Math.min(bytes.length, limit);
  for (let i = 0; i < end; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** The encoding label in an XML declaration at the start of the bytes, if any. */
function declaredXmlEncoding(bytes: Uint8Array): string | null {
  let head = '';
  const end = Math.min(bytes.length, 1024);
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i]);
  const declaration = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return declaration ? declaration[1] : null;
}

/** The charset parameter of a Content-Type header value. */
export function charsetOf(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*["']?([^;"'\s]+)/i.exec(contentType);
  return match ? match[1] : null;
}

/** Well-formed multi-byte UTF-8 sequences and stray non-ASCII bytes, in the first 1 MiB. */
function countUtf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const end = Math.min(bytes.length, 1024 * 1024);
  let i = 0;
  while (i < end) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/**
 * Guesses a legacy encoding for bytes that are not UTF-8: Cyrillic windows-1251 when most
 * non-ASCII bytes are in its letter range and dense, Shift_JIS when it decodes cleanly and the
 * text is dense in double-byte characters, else windows-1252 (the web's Latin-1).
 */
function sniffLegacy(bytes: Uint8Array): string {
  let high = 0;
  let cyrillicLetters = 0;
  let asciiLetters = 0;
  const end = Math.min(bytes.length, 256 * 1024);
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b >= 0x80) {
      high++;
      if (b >= 0xc0) cyrillicLetters++;
    } else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) asciiLetters++;
  }
  if (high === 0) return 'windows-1252';
  const sjisDense = high > 0.1 * end && decodeStrict(bytes.subarray(0, end), 'shift_jis') !== null;
  if (sjisDense && cyrillicLetters < 0.8 * high) return 'shift_jis';
  // Russian text in windows-1251: nearly all high bytes are letters (0xC0–0xFF) and they outnumber
  // the accented letters a Western text would have by far.
  if (cyrillicLetters > 0.7 * high && high > 0.15 * (high + asciiLetters)) return 'windows-1251';
  return 'windows-1252';
}

export function decodeBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  const warnings: string[] = [];
  // Byte-order marks are authoritative.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', warnings };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', warnings };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', warnings };
  // UTF-16 without a BOM: "<" followed or preceded by a zero byte.
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[3] === 0x00)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', warnings };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', warnings };

  const declaredLabel = declaredXmlEncoding(bytes) ?? charsetOf(contentType);
  let declared: string | null = null;
  if (declaredLabel !== null) {
    declared = encodingFor(declaredLabel);
    if (declared === null) warnings.push(`unknown encoding "${declaredLabel}" declared; guessing`);
  }
  // A UTF-16 declaration on bytes read as ASCII-compatible is impossible: ignore it.
  if (declared?.startsWith('utf-16')) declared = null;

  // Text in a legacy charset with non-ASCII characters is practically never valid UTF-8, so valid
  // UTF-8 bytes under a legacy label are a mislabel (common with ISO-8859-1).
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (declared === null || declared === 'utf-8') {
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8', warnings };
    const { valid, invalid } = countUtf8Sequences(bytes);
    if (valid > invalid) {
      // Mostly UTF-8 with a few stray bytes: decoding it all as a legacy charset would garble more.
      warnings.push(`${invalid} byte(s) that are not valid UTF-8 replaced by U+FFFD`);
      return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', warnings };
    }
    const guess = sniffLegacy(bytes);
    warnings.push(
      declared === 'utf-8'
        ? `declared UTF-8 but the bytes are not valid UTF-8; decoded as ${guess}`
        : `no encoding declared and the bytes are not UTF-8; decoded as ${guess}`,
    );
    return { text: decodeWith(bytes, guess), encoding: guess, warnings };
  }
  if (utf8 !== null && hasNonAscii(bytes, bytes.length)) {
    warnings.push(`declared ${declaredLabel} but the bytes are UTF-8; decoded as UTF-8`);
    return { text: utf8, encoding: 'utf-8', warnings };
  }
  return { text: decodeWith(bytes, declared), encoding: declared, warnings };
}
