/**
 * Reposts: wire copy and syndication make one report look like many. Articles of a story whose headlines
 * are the same or nearly the same, once the outlet's boilerplate is stripped, are grouped under the
 * earliest of them (the original report).
 */
import type { CoverageItem } from '../coverage';
import { stripHeadlineBoilerplate, tokenize } from '../text';

/** Share of headline terms two headlines must have in common (Jaccard) to be one report. */
export const REPOST_MIN_SIMILARITY = 0.8;
/**
 * Headlines with fewer terms than this must match term for term: in "Live updates: storm" or "Markets
 * wrap" one word is the whole difference between two reports.
 */
export const REPOST_MIN_TERMS_FOR_NEAR = 5;

export interface RepostGroup<T extends CoverageItem = CoverageItem> {
  /** The earliest article with this headline. */
  original: T;
  /** The others, earliest first (other outlets, and the original outlet's own later copies). */
  reposts: T[];
  /** Distinct outlets among the reposts, the original's own outlet excluded. */
  repostOutlets: number;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** The headline's terms with the outlet's boilerplate removed, as a sorted, de-duplicated list. */
export function headlineKey(item: Pick<CoverageItem, 'title' | 'outletName' | 'url'>): string[] {
  const bare = stripHeadlineBoilerplate(item.title, item.outletName || undefined, hostOf(item.url));
  return [...new Set(tokenize(bare))].sort();
}

/** Whether two headline keys (from headlineKey) name the same report. */
export function sameReport(a: readonly string[], b: readonly string[]): boolean {
  return sameReportAs(a, new Set(b));
}

function sameReportAs(a: readonly string[], b: ReadonlySet<string>): boolean {
  if (a.length === 0 || b.size === 0) return false;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  if (Math.min(a.length, b.size) < REPOST_MIN_TERMS_FOR_NEAR) return shared === a.length && shared === b.size;
  return shared / (a.length + b.size - shared) >= REPOST_MIN_SIMILARITY;
}

const outletKey = (item: CoverageItem) => item.outletId ?? `name:${item.outletName.toLowerCase()}`;

/**
 * Groups `items` (one story's articles) into reports: each article joins the group of the earliest
 * article whose headline it repeats, compared with that group's original only (so near-same headlines do
 * not chain into one group). Groups come in the order of their originals, earliest first; the result is
 * the same whatever the input order.
 */
export function groupReposts<T extends CoverageItem>(items: readonly T[]): RepostGroup<T>[] {
  const ordered = [...items].sort((a, b) => a.published - b.published || a.articleId.localeCompare(b.articleId));
  const groups: { key: Set<string>; group: RepostGroup<T> }[] = [];
  // Exact keys find their group at once; only the rest are compared one by one.
  const byExactKey = new Map<string, RepostGroup<T>>();
  for (const item of ordered) {
    const key = headlineKey(item);
    const exact = key.join(' ');
    const group = (key.length > 0 ? byExactKey.get(exact) : undefined) ?? groups.find((g) => sameReportAs(key, g.key))?.group;
    if (group) {
      group.reposts.push(item);
      continue;
    }
    const fresh: RepostGroup<T> = { original: item, reposts: [], repostOutlets: 0 };
    groups.push({ key: new Set(key), group: fresh });
    if (key.length > 0) byExactKey.set(exact, fresh);
  }
  for (const { group } of groups) {
    const own = outletKey(group.original);
    group.repostOutlets = new Set(group.reposts.map(outletKey).filter((k) => k !== own)).size;
  }
  return groups.map((g) => g.group);
}
