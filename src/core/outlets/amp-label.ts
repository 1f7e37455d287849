/** AMP caches' subdomain labels; apart from host.ts so that link resolution does not carry the suffix list. */

/**
 * Decodes an AMP cache subdomain label back to the publisher host: in the cache's encoding each
 * "-" of the host became "--" and each "." became "-" ("www-bbc-co-uk" is "www.bbc.co.uk").
 * Hosts the cache had to hash instead cannot be decoded and give null.
 */
export function decodeAmpCacheLabel(label: string): string | null {
  let encoded = label.toLowerCase();
  // The cache wraps labels that would carry "--" at positions 3-4 in "0-" … "-0".
  if (encoded.startsWith('0-') && encoded.endsWith('-0')) encoded = encoded.slice(2, -2);
  let host = '';
  for (let i = 0; i < encoded.length; i += 1) {
    const char = encoded[i];
    if (char === '-') {
      if (encoded[i + 1] === '-') {
        host += '-';
        i += 1;
      } else {
        host += '.';
      }
    } else {
      host += char;
    }
  }
  return host.includes('.') ? host : null;
}
