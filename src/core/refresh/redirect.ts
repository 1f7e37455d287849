/**
 * Which redirects a feed fetch follows. Fetches use `redirect: 'manual'`, so no redirect target is ever
 * requested before it is checked: only an origin the reader granted, at most a few hops, never a loop.
 * A browser hides the Location of a manual redirect from the script (an "opaque redirect"); the worker
 * then learns it from the browser's own view of the response (`locationOf`), and an unknown target is
 * not followed.
 */

export interface RedirectRules {
  /** Whether a redirect may lead to this URL (the reader granted its origin). */
  isAllowed(url: string): boolean | Promise<boolean>;
  /**
   * Where the redirect that `url` answered leads (its Location, maybe relative), when the response
   * itself does not show it; null when unknown.
   */
  locationOf?(url: string, signal: AbortSignal): Promise<string | null>;
  /** Most redirects followed for one feed; default MAX_REDIRECTS. */
  maxHops?: number;
}

export const MAX_REDIRECTS = 5;

/** The statuses whose Location a fetch follows (as browsers do); other 3xx answers are errors. */
const FOLLOWED = new Set([301, 302, 303, 307, 308]);

export type RedirectStep = { kind: 'none' } | { kind: 'follow'; url: string } | { kind: 'refuse'; error: string };

/** Whether a response is a redirect, and if so whether and where to follow it. */
export async function nextRedirect(
  response: Response,
  requestUrl: string,
  visited: ReadonlySet<string>,
  rules: RedirectRules,
  signal: AbortSignal,
): Promise<RedirectStep> {
  const opaque = response.type === 'opaqueredirect';
  if (!opaque && !FOLLOWED.has(response.status)) return { kind: 'none' };
  const location = response.headers.get('location') ?? (rules.locationOf ? await rules.locationOf(requestUrl, signal) : null);
  if (location === null) {
    // A 3xx without Location is an ordinary error response; an opaque one leads somewhere we cannot see.
    return opaque ? { kind: 'refuse', error: 'redirects to an address Parallax could not read: not followed' } : { kind: 'none' };
  }
  let target: URL;
  try {
    target = new URL(location, requestUrl);
  } catch {
    return { kind: 'refuse', error: `redirects to an invalid address: ${location.slice(0, 200)}` };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return { kind: 'refuse', error: `redirects to ${target.protocol}, not a web address: not followed` };
  target.hash = '';
  const url = target.href;
  if (visited.has(url)) return { kind: 'refuse', error: `redirect loop: ${url} was already requested` };
  const maxHops = rules.maxHops ?? MAX_REDIRECTS;
  // `visited` holds the feed URL plus each redirect target so far.
  if (visited.size > maxHops) return { kind: 'refuse', error: `more than ${maxHops} redirects` };
  if (!(await rules.isAllowed(url))) return { kind: 'refuse', error: `redirects to a site you have not enabled: ${target.hostname}` };
  return { kind: 'follow', url };
}
