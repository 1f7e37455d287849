/**
 * Where the article script runs: every host an outlet claims (home domains, former and sister domains,
 * short links) with its subdomains, and never on a host that serves a service rather than articles
 * (a portal's mail, log-in, accounts, shop…). Pure; used by the build (manifest) and by resolution.
 */

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
