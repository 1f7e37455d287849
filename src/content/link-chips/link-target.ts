/**
 * Which outlet host a page's link leads to, if it deserves a chip: its resolved target is an article
 * page on another site, and where the site has a rule, the link is one of its results.
 */
import { isArticleLink } from '../../core/links/article-link';
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

/** The host of the article a link leads to, or null when it gets no chip. */
export function chipHostOf(anchor: HTMLAnchorElement, pageUrl: string, pageHost: string, rule: SiteRule | null): string | null {
  let target = resolveLinkUrl(anchor.getAttribute('href') ?? '', pageUrl);
  if (target === null && rule?.targetInText) {
    const text = targetFromText(anchor.textContent ?? '');
    target = text === null ? null : resolveLinkUrl(text, pageUrl);
  }
  if (target === null || sameSite(target.hostname, pageHost)) return null;
  if (rule?.results !== undefined && !anchor.matches(rule.results)) return null;
  // An image-only link (a thumbnail beside its title link) gets none: the title's chip says it.
  if ((anchor.textContent ?? '').trim() === '') return null;
  return isArticleLink(target.href) ? target.hostname : null;
}
