/**
 * Where the article script runs: every host a hand-kept outlet claims (home domains, former and sister
 * domains, short links) with its subdomains, through the manifest; the sites of catalogue outlets whose
 * feeds the reader enabled, registered at run time; never on a host that serves a service rather than
 * articles (a portal's mail, log-in, accounts, shop…). Pure; used by the build, resolution and the worker.
 */
import type { Outlet } from './schema';

/**
 * First labels of hosts that serve an account, a mailbox or a shop, never articles: `mail.yahoo.com`,
 * `login.nytimes.com`, `support.theguardian.com`. No two-letter label (those are editions: `uk.`, `id.`).
 */
const SERVICE_LABELS: ReadonlySet<string> = new Set([
  'mail',
  'email',
  'webmail',
  'login',
  'signin',
  'signup',
  'sso',
  'auth',
  'account',
  'accounts',
  'myaccount',
  'checkout',
  'cart',
  'pay',
  'payment',
  'payments',
  'billing',
  'shop',
  'shopping',
  'store',
  'subscribe',
  'subscription',
  'subscriptions',
  'support',
  'help',
  'jobs',
  'careers',
]);

/** Whether a host (lowercase, below its registrable `domain`) is a service host: its first label names a service. */
export function isServiceHost(hostname: string, domain: string): boolean {
  if (hostname === domain || !hostname.endsWith(`.${domain}`)) return false;
  return SERVICE_LABELS.has(hostname.slice(0, hostname.indexOf('.')));
}

/**
 * The content script's `exclude_globs`: one per service label and scheme (`https://mail.*`). A fixed
 * list, whatever the number of outlets: the same exclusions as `exclude_matches` would need once per
 * label and outlet domain. The scheme is spelled out so that a URL merely containing "://mail." in its
 * query is not excluded.
 */
export function serviceHostGlobs(): string[] {
  return [...SERVICE_LABELS].flatMap((label) => [`https://${label}.*`, `http://${label}.*`]);
}

/**
 * One match pattern per host, covering its subdomains (`*://*.cnn.com/*` also matches `cnn.com`); a host
 * under another listed host (`news.yahoo.com` under `yahoo.com`) is already covered and gets none.
 * A host never widens to its parent: `news.yahoo.com` alone gives `*://*.news.yahoo.com/*`.
 */
export function hostPatterns(hosts: Iterable<string>): string[] {
  const all = new Set(hosts);
  const covered = (host: string) => {
    for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      if (all.has(host.slice(dot + 1))) return true;
    }
    return false;
  };
  return [...all].filter((host) => !covered(host)).map((host) => `*://*.${host}/*`);
}

/** The resolving side of a registry: enough for the site-access rules below. */
interface Resolves {
  resolve(urlOrHost: string): Outlet | null;
}

/**
 * The site patterns of a catalogue outlet the manifest does not reach (not hand-kept): asked for with
 * its feeds, so that once granted the article script runs there too. Hand-kept outlets give none.
 */
export function outletSitePatterns(outlet: Outlet): string[] {
  return outlet.curated === true ? [] : hostPatterns([...outlet.domains, ...(outlet.aliases ?? [])]);
}

/** `*://*.host/*` → host; any other pattern (a feed's origin, all sites) → null. */
function siteHostOf(pattern: string): string | null {
  const match = /^\*:\/\/\*\.([a-z0-9.-]+)\/\*$/.exec(pattern);
  return match === null ? null : match[1];
}

/**
 * Of the origins the browser granted, the site patterns of catalogue outlets: where the article script
 * is registered at run time. A pattern counts only when it is exactly one its outlet asks for, so a
 * feed host's grant (`https://feeds.example.com/*`) never widens to the outlet's whole site.
 */
export function grantedOutletSitePatterns(registry: Resolves, granted: readonly string[]): string[] {
  const patterns = new Set<string>();
  for (const pattern of granted) {
    const host = siteHostOf(pattern);
    if (host === null) continue;
    const outlet = registry.resolve(host);
    if (outlet !== null && outletSitePatterns(outlet).includes(pattern)) patterns.add(pattern);
  }
  return [...patterns].sort();
}
