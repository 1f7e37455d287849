/** URL resolution for feed links: relative references, xml:base, and unsafe schemes. */

const UNSAFE_SCHEME = /^\s*(?:javascript|data|vbscript|file|blob)\s*:/i;
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Whether a link may be shown to the reader (no script-running or local schemes). */
export function isSafeLink(value: string): boolean {
  // Control characters and whitespace inside the scheme are ignored by browsers ("java\nscript:").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed here.
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  return !UNSAFE_SCHEME.test(compact);
}

/** Whether a string is an absolute URL we can resolve against (http, https or similar). */
export function isAbsoluteHttpUrl(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^https?:\/\/[^/\s]/i.test(value.trim());
}

/**
 * Resolves `ref` against `base`. Returns the absolute URL when possible, the trimmed reference
 * unchanged when it is relative and no usable base is known, and null when it is empty or
 * unsafe (javascript:, data:...).
 */
export function resolveUrl(ref: string | null | undefined, base: string | null | undefined): string | null {
  if (ref === null || ref === undefined) return null;
  const trimmed = ref.trim();
  if (trimmed === '') return null;
  if (!isSafeLink(trimmed)) return null;
  // Absolute references are kept as written (tag:, urn: and http links alike).
  if (HAS_SCHEME.test(trimmed)) return trimmed;
  if (trimmed.startsWith('//') && !base) return `https:${trimmed}`;
  if (base && HAS_SCHEME.test(base)) {
    try {
      const resolved = new URL(trimmed, base).href;
      return isSafeLink(resolved) ? resolved : null;
    } catch {
      return trimmed;
    }
  }
  return trimmed;
}
