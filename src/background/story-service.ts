/** Answers "what is this article's story?" for the popup and the badge. */
import { badgeAllowed } from '../core/preferences';
import {
  articleFromPage,
  badgeInfo,
  buildMatchedView,
  outletCard,
  type BadgeInfo,
  type SourceLookup,
  type StoryView,
} from '../core/story-view';
import type { Detection } from '../core/types';
import { canonicalizeUrl } from '../core/url';
import type { ParallaxDatabase } from '../db/database';
import type { StoryIndex } from './story-index';

/** A reading row is kept once per article per this long, so reloads do not count twice. */
const READING_DEDUPE_MS = 12 * 60 * 60 * 1000;

export class StoryService {
  constructor(
    private readonly db: ParallaxDatabase,
    private readonly index: StoryIndex,
    private readonly sources: { lookup(): Promise<SourceLookup> },
  ) {}

  private current(pageUrl: string, detection: Detection) {
    return articleFromPage(pageUrl, detection, Date.now(), (u) => canonicalizeUrl(u));
  }

  async view(pageUrl: string, detection: Detection): Promise<StoryView> {
    if (!detection.isArticle) return { status: 'not-article' };
    const current = this.current(pageUrl, detection);
    const [prefs, lookup, { articles }] = await Promise.all([this.db.getPreferences(), this.sources.lookup(), this.index.status()]);
    const outlet = outletCard(lookup.outletForUrl(current.url), current.publisher ?? current.host ?? null, lookup, prefs);
    if (articles === 0) return { status: 'index-empty', outlet };
    const match = await this.index.match(current);
    if (!match) return { status: 'no-coverage', outlet };
    const [unlink, members] = await Promise.all([this.db.unlinks.get(current.id), this.index.members(match.storyId)]);
    if (unlink?.storyId === match.storyId) return { status: 'no-coverage', outlet, unlinked: true };
    return buildMatchedView({ storyId: match.storyId, score: match.score, terms: match.terms, members, current }, lookup, prefs);
  }

  /** The content script's question; also notes the article for the reader's own reading diet. */
  async badge(pageUrl: string, detection: Detection): Promise<BadgeInfo> {
    const view = await this.view(pageUrl, detection);
    const prefs = await this.db.getPreferences();
    const host = new URL(pageUrl).hostname;
    const outletKnown = view.status !== 'not-article' && view.outlet?.id != null;
    if (view.status !== 'not-article' && view.outlet?.id) await this.recordReading(this.current(pageUrl, detection).id, view.outlet.id, view.outlet.side);
    return badgeInfo(view, badgeAllowed(prefs, host, outletKnown));
  }

  /** "Wrong story": this article is never shown in that story again (kept locally). */
  async unlink(pageUrl: string, detection: Detection, storyId: string): Promise<void> {
    await this.db.unlinks.put({ articleId: this.current(pageUrl, detection).id, storyId, at: Date.now() });
  }

  private async recordReading(articleId: string, outletId: string, side: BadgeInfo['side']): Promise<void> {
    const now = Date.now();
    const recent = await this.db.reading.where('articleId').equals(articleId).filter((r) => now - r.at < READING_DEDUPE_MS).count();
    if (recent === 0) await this.db.reading.add({ at: now, articleId, outletId, side });
  }
}
