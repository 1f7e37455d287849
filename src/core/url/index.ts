/**
 * URL canonicalisation: the same article reached through a newsletter, a social share or an ad
 * must map to one identity. Pure (WHATWG URL only), safe in a service worker and in Node.
 */

/** Exact query parameter names (lower-case) that only track the visit and never select content. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'rb_clickid',
  's_cid',
  'sc_cid',
  'ncid',
  'ocid',
  'cmpid',
  'cmp',
  'icid',
  'ito',
  'smid',
  'smtyp',
  'ref_src',
  'ref_url',
  'spm',
  'share',
  'xtor',
  'sr_share',
  'mbid',
  'campaign_id',
  'via',
  'ref',
  'referrer',
  'amp',
  'outputtype',
  'recirc',
  'int_source',
]);

/** Prefixes (lower-case) of tracking parameter families (utm_source, at_medium, ns_campaign, fb_ref...). */
const TRACKING_PREFIXES = [
  'utm_',
  'pk_',
  'mtm_',
  'matomo_',
  'hsa_',
  'stm_',
  'at_',
  'ga_',
  'ns_',
  'fb_',
  'oly_',
  'vero_',
  'wt.',
  'soc_',
  'guc',
  'action_',
  'trk',
];

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  if (TRACKING_PARAMS.has(lower)) return true;
  for (const prefix of TRACKING_PREFIXES) if (lower.startsWith(prefix)) return true;
  return false;
}

/**
 * Absolute http(s) URL without fragment, tracking parameters, default port or empty query;
 * host lower-cased (the URL parser does that). Returns null when the input is not a usable web URL.
 */
export function canonicalizeUrl(url: string, base?: string): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (trimmed === '') return null;
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '') return null;
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  if (parsed.search !== '') {
    // Rebuild by hand: URLSearchParams re-encodes values (spaces to '+', etc.) and would alter ids.
    const kept = parsed.search
      .slice(1)
      .split('&')
      .filter((pair) => {
        if (pair === '') return false;
        const eq = pair.indexOf('=');
        let name = eq < 0 ? pair : pair.slice(0, eq);
        try {
          name = decodeURIComponent(name.replace(/\+/g, ' '));
        } catch {
          // keep the raw name when it is not valid percent-encoding
        }
        return !isTrackingParam(name);
      });
    parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  }
  return parsed.href;
}

/**
 * Comparison key for "same page": lower-case host without `www.`, path without trailing slash;
 * scheme, query and fragment ignored. Used to compare a canonical URL with a known URL.
 */
export function urlHostPathKey(url: string, base?: string): string | null {
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(url) : new URL(url, base);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname.replace(/\/+$/, '');
  return host + path;
}

/** The host without a leading "www." ("www.bbc.co.uk" and "bbc.co.uk" are one site). */
export function bareHost(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}
