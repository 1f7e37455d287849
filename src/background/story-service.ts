/** Answers "what is this article's story?" for the popup and the badge. */
import { badgeAllowed, type Preferences } from '../core/preferences';
import {
  articleFromPage,
  badgeInfo,
  buildMatchedView,
  outletCard,
  type BadgeInfo,
  type SourceLookup,
  type StoryView,
} from '../core/story-view';
import type { Detection, IndexArticle } from '../core/types';
import { trustedCanonical } from '../core/outlets/canonical-trust';
import { readingWindow } from '../core/reading-diet';
import { canonicalizeUrl } from '../core/url';
import type { ParallaxDatabase } from '../db/database';
import type { StoryIndex } from './story-index';

export class StoryService {
  constructor(
    private readonly db: ParallaxDatabase,
    private readonly index: StoryIndex,
    private readonly sources: { lookup(): Promise<SourceLookup> },
  ) {}

  /** The article read: its canonical URL only when the page's claim names its own outlet. */
  private current(pageUrl: string, detection: Detection, lookup: SourceLookup): IndexArticle {
    const canonicalUrl = trustedCanonical(pageUrl, detection.canonicalUrl, (u) => lookup.outletForUrl(u)?.id ?? null);
    return articleFromPage(pageUrl, { ...detection, canonicalUrl }, Date.now(), (u) => canonicalizeUrl(u));
  }

  async view(pageUrl: string, detection: Detection): Promise<StoryView> {
    return (await this.resolve(pageUrl, detection)).view;
  }

  /** The view, with the preferences and the article it was built from (the badge needs both too). */
  private async resolve(
    pageUrl: string,
    detection: Detection,
  ): Promise<{ view: StoryView; prefs: Preferences; current: IndexArticle | null }> {
    const prefs = await this.db.getPreferences();
    if (!detection.isArticle) return { view: { status: 'not-article' }, prefs, current: null };
    const [lookup, { articles }] = await Promise.all([this.sources.lookup(), this.index.status()]);
    const current = this.current(pageUrl, detection, lookup);
    const outlet = outletCard(lookup.outletForUrl(current.url), current.publisher ?? current.host ?? null, lookup, prefs);
    if (articles === 0) return { view: { status: 'index-empty', outlet }, prefs, current };
    const match = await this.index.match(current);
    if (!match) return { view: { status: 'no-coverage', outlet }, prefs, current };
    const [unlink, members] = await Promise.all([this.db.unlinks.get(current.id), this.index.members(match.storyId)]);
    // The unlinked story may since have been merged into the one matched now: it is still the story the
    // reader said was wrong.
    if (unlink && (await this.index.currentStoryId(unlink.storyId)) === match.storyId) {
      return { view: { status: 'no-coverage', outlet, unlinked: true }, prefs, current };
    }
    const view = buildMatchedView({ storyId: match.storyId, score: match.score, terms: match.terms, members, current }, lookup, prefs);
    return { view, prefs, current };
  }

  /**
   * The content script's question: what the badge shows, and the full view it was derived from (kept for
   * the popup). Also notes the article for the reader's own reading diet.
   */
  async seen(pageUrl: string, detection: Detection): Promise<{ badge: BadgeInfo; view: StoryView }> {
    const { view, prefs, current } = await this.resolve(pageUrl, detection);
    const outletId = view.status === 'not-article' ? null : (view.outlet?.id ?? null);
    if (current && outletId && view.status !== 'not-article') await this.recordReading(current.id, outletId, view.outlet?.side ?? null);
    return { badge: badgeInfo(view, badgeAllowed(prefs, new URL(pageUrl).hostname, outletId !== null)), view };
  }

  async badge(pageUrl: string, detection: Detection): Promise<BadgeInfo> {
    return (await this.seen(pageUrl, detection)).badge;
  }

  /** "Wrong story": this article is never shown in that story again (kept locally). */
  async unlink(pageUrl: string, detection: Detection, storyId: string): Promise<void> {
    const current = this.current(pageUrl, detection, await this.sources.lookup());
    await this.db.unlinks.put({ articleId: current.id, storyId, at: Date.now() });
  }

  /**
   * One row per article and day (the reader's day): reloads and a page rewriting its address do not
   * count twice. Checked and written in one transaction, so messages racing each other add one row.
   */
  private async recordReading(articleId: string, outletId: string, side: BadgeInfo['side']): Promise<void> {
    const now = Date.now();
    const { from } = readingWindow({ days: 1, now, utcOffsetMinutes: -new Date(now).getTimezoneOffset() });
    await this.db.transaction('rw', this.db.reading, async () => {
      const today = await this.db.reading
        .where('articleId')
        .equals(articleId)
        .filter((r) => r.at >= from)
        .count();
      if (today === 0) await this.db.reading.add({ at: now, articleId, outletId, side });
    });
  }
}
