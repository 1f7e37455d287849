/** How long articles stay in the local index, and how many it holds at most. */

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_MAX_ARTICLES = 150_000;

export interface RetentionCandidate {
  id: string;
  /** Epoch ms. */
  published: number;
  origin: 'demo' | 'feed' | 'import';
}

export interface RetentionLimits {
  retentionDays: number;
  maxArticles: number;
  now: number;
}

/** Articles published before this instant are out of the retention window. */
export function retentionCutoff(now: number, retentionDays: number): number {
  return now - retentionDays * DAY_MS;
}

/** Demo articles are the shipped example stories: they never age out. */
export function isPrunable(article: Pick<RetentionCandidate, 'origin'>): boolean {
  return article.origin !== 'demo';
}

/**
 * Ids to remove: every prunable article older than the window, then, while the index would still hold
 * more than `maxArticles`, the oldest prunable ones.
 */
export function selectForRemoval(
  articles: readonly RetentionCandidate[],
  limits: RetentionLimits,
): { expired: string[]; overCap: string[] } {
  const cutoff = retentionCutoff(limits.now, limits.retentionDays);
  const expired: string[] = [];
  const kept: RetentionCandidate[] = [];
  for (const article of articles) {
    if (isPrunable(article) && article.published < cutoff) expired.push(article.id);
    else kept.push(article);
  }
  const excess = kept.length - limits.maxArticles;
  const overCap: string[] = [];
  if (excess > 0) {
    const prunable = kept.filter(isPrunable).sort((a, b) => a.published - b.published || (a.id < b.id ? -1 : 1));
    for (const article of prunable.slice(0, excess)) overCap.push(article.id);
  }
  return { expired, overCap };
}
