/**
 * Whether a link leads to one article rather than to a listing: an outlet's home, section, tag, search
 * or media page gets no chip. The path classifier the article detector uses decides.
 */
import { classifyPath, type PathParts } from '../detect/path';

export function isArticleLink(url: string | PathParts): boolean {
  const kind = classifyPath(url);
  if (kind === 'article') return true;
  if (kind !== 'unknown') return false;
  // A path the classifier cannot place: a slug under a section ("/news/storm-hits-coast") is an
  // article; a single segment ("/privacy-policy", "/about-us") is a page of the site itself.
  return pathSegments(url) >= 2;
}

function pathSegments(url: string | PathParts): number {
  try {
    return (typeof url === 'string' ? new URL(url) : url).pathname.split('/').filter((segment) => segment !== '').length;
  } catch {
    return 0;
  }
}
