/**
 * Outlets the catalogue only knows by their domain take the name their own feeds give themselves:
 * a feed's title ("derStandard.at", "Clarín - Deportes") is the publisher's own word for its name.
 */
import type { OutletRegistry } from './registry';
import type { Outlet } from './schema';

/** Longest name kept from a feed title (the schema's limit for names). */
const MAX_NAME_CHARS = 120;

/** A feed title as a name: whitespace collapsed, clipped; '' when there is nothing left. */
export function nameFromFeedTitle(title: string | null | undefined): string {
  const text = (title ?? '').replace(/\s+/g, ' ').trim();
  return text.length <= MAX_NAME_CHARS ? text : text.slice(0, MAX_NAME_CHARS).trimEnd();
}

export interface TitledFeed {
  outletId: string;
  /** The feed's own title at its last successful fetch. */
  title?: string;
}

/**
 * The registry's domain-named outlets renamed by their feeds' titles: the shortest title of each
 * outlet's feeds (a section feed's title usually adds the section to the outlet's name), ties
 * alphabetical. Outlets named by a source, and those with no titled feed, are left as they are.
 */
export function outletsNamedByFeeds(registry: Pick<OutletRegistry, 'get'>, feeds: readonly TitledFeed[]): Outlet[] {
  const best = new Map<string, string>();
  for (const feed of feeds) {
    const title = nameFromFeedTitle(feed.title);
    if (title === '') continue;
    const current = best.get(feed.outletId);
    if (current === undefined || title.length < current.length || (title.length === current.length && title < current)) {
      best.set(feed.outletId, title);
    }
  }
  const renamed: Outlet[] = [];
  for (const [outletId, title] of [...best].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const outlet = registry.get(outletId);
    if (outlet?.nameFromDomain !== true) continue;
    const { nameFromDomain: _named, ...rest } = outlet;
    renamed.push({ ...rest, name: title });
  }
  return renamed;
}
