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

/** Keys already computed, per item: an item grouped again (its story's view, then its page) is not tokenised twice. */
const keyCache = new WeakMap<object, string[]>();

/** The headline's terms with the outlet's boilerplate removed, as a sorted, de-duplicated list. */
export function headlineKey(item: Pick<CoverageItem, 'title' | 'outletName' | 'url'>): string[] {
  const known = keyCache.get(item);
  if (known) return known;
  const bare = stripHeadlineBoilerplate(item.title, item.outletName || undefined, hostOf(item.url));
  const key = [...new Set(tokenize(bare))].sort();
  keyCache.set(item, key);
  return key;
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
 * How many of a key's rarest terms two near-same keys must share at least one of (prefix filtering: two
 * sets with Jaccard similarity of at least t share a term among their first n - ceil(t·n) + 1 terms, in
 * any one order of all terms). Only these terms are looked up, so a story's common words cost nothing.
 */
function prefixLength(size: number): number {
  return size - Math.ceil(REPOST_MIN_SIMILARITY * size - 1e-9) + 1;
}

/**
 * Groups `items` (one story's articles) into reports: each article joins the group of the earliest
 * article whose headline it repeats, compared with that group's original only (so near-same headlines do
 * not chain into one group). Groups come in the order of their originals, earliest first; the result is
 * the same whatever the input order.
 */
export function groupReposts<T extends CoverageItem>(items: readonly T[]): RepostGroup<T>[] {
  const ordered = [...items].sort(
    (a, b) => a.published - b.published || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0),
  );
  const keys = ordered.map(headlineKey);
  // The one order of terms prefix filtering needs: rarest in this story first, then alphabetical.
  const uses = new Map<string, number>();
  for (const key of keys) for (const term of key) uses.set(term, (uses.get(term) ?? 0) + 1);
  const rarestFirst = (key: readonly string[]) =>
    [...key].sort((a, b) => (uses.get(a) ?? 0) - (uses.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  const groups: { key: Set<string>; group: RepostGroup<T> }[] = [];
  // Exact keys find their group at once; near-same ones among the groups sharing one of their rarest terms.
  const byExactKey = new Map<string, RepostGroup<T>>();
  const byRareTerm = new Map<string, number[]>();
  ordered.forEach((item, i) => {
    const key = keys[i];
    const exact = key.join(' ');
    let group = key.length > 0 ? byExactKey.get(exact) : undefined;
    const rare = key.length >= REPOST_MIN_TERMS_FOR_NEAR ? rarestFirst(key).slice(0, prefixLength(key.length)) : [];
    if (!group) {
      let earliest = Infinity;
      for (const term of rare)
        for (const g of byRareTerm.get(term) ?? []) if (g < earliest && sameReportAs(key, groups[g].key)) earliest = g;
      if (earliest < Infinity) group = groups[earliest].group;
    }
    if (group) {
      group.reposts.push(item);
      return;
    }
    const fresh: RepostGroup<T> = { original: item, reposts: [], repostOutlets: 0 };
    for (const term of rare) {
      const list = byRareTerm.get(term);
      if (list) list.push(groups.length);
      else byRareTerm.set(term, [groups.length]);
    }
    groups.push({ key: new Set(key), group: fresh });
    if (key.length > 0) byExactKey.set(exact, fresh);
  });
  for (const { group } of groups) {
    const own = outletKey(group.original);
    group.repostOutlets = new Set(group.reposts.map(outletKey).filter((k) => k !== own)).size;
  }
  return groups.map((g) => g.group);
}
