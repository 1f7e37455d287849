/**
 * Keeps the local index bounded: feed and imported articles older than the reader's retention window
 * go, then the oldest ones while the index is over its size cap. Demo articles always stay. Removal goes
 * through the story index so the engine forgets them too.
 */
import { DEFAULT_MAX_ARTICLES, isPrunable, retentionCutoff } from '../core/refresh/index';
import type { ParallaxDatabase } from '../db/database';
import type { RetentionResult } from '../messaging/protocol-index';

export interface RemovableIndex {
  remove(ids: readonly string[]): Promise<void>;
}

export interface RetentionDeps {
  db: ParallaxDatabase;
  index: RemovableIndex;
  now: () => number;
  /** Size cap; default 150,000 articles. */
  maxArticles?: number;
}

export class RetentionService {
  private readonly maxArticles: number;

  constructor(private readonly deps: RetentionDeps) {
    this.maxArticles = deps.maxArticles ?? DEFAULT_MAX_ARTICLES;
  }

  async prune(): Promise<RetentionResult> {
    const { db, index } = this.deps;
    const prefs = await db.getPreferences();
    const cutoff = retentionCutoff(this.deps.now(), prefs.retentionDays);
    const expired = await db.articles.where('published').below(cutoff).filter(isPrunable).primaryKeys();
    if (expired.length > 0) await index.remove(expired);
    const excess = (await db.articles.count()) - this.maxArticles;
    let overCap: string[] = [];
    if (excess > 0) {
      overCap = await db.articles.orderBy('published').filter(isPrunable).limit(excess).primaryKeys();
      await index.remove(overCap);
    }
    return { expired: expired.length, overCap: overCap.length, remaining: await db.articles.count(), cutoff };
  }
}
