/**
 * Where a page's link leads, if it may deserve a chip: its resolved target is on another site, and where
 * the site has a rule, the link is one of its results. Whether the target is an article is asked later,
 * and only of links to known outlets (`isArticleLink`): most links of a page lead to no outlet.
 */
import { resolveLinkUrl } from '../../core/links/resolve';
import { targetFromText, type SiteRule } from '../../core/links/site-rules';

/** "www.bbc.co.uk" and "bbc.co.uk" are one site. */
const bareHost = (host: string) => (host.startsWith('www.') ? host.slice(4) : host);

/** Whether a link to `host` stays on the page's own site (the reader knows where they are). */
function sameSite(host: string, pageHost: string): boolean {
  const a = bareHost(host);
  const b = bareHost(pageHost);
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/** The resolved target of a link that may get a chip, or null when it gets none. */
export function linkTargetOf(anchor: HTMLAnchorElement, pageUrl: string, pageHost: string, rule: SiteRule | null): URL | null {
  // The site's own test first: on a results page it turns most links away before any parsing.
  if (rule?.results !== undefined && !anchor.matches(rule.results)) return null;
  let target = resolveLinkUrl(anchor.getAttribute('href') ?? '', pageUrl);
  if (target === null && rule?.targetInText) {
    const text = targetFromText(anchor.textContent ?? '');
    target = text === null ? null : resolveLinkUrl(text, pageUrl);
  }
  if (target === null || sameSite(target.hostname, pageHost)) return null;
  // An image-only link (a thumbnail beside its title link) gets none: the title's chip says it.
  if ((anchor.textContent ?? '').trim() === '') return null;
  return target;
}
