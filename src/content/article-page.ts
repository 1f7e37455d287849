/**
 * What the content script does on a page: detect an article, ask the worker for its coverage, show the
 * badge, and answer the popup's "what is on this page?". On a page that is not an article it sends
 * nothing and injects nothing.
 */
import { browser } from 'wxt/browser';
import { detectArticle } from '../core/detect';
import type { BadgeInfo } from '../core/story-view';
import { ask } from '../messaging/client';
import { PAGE_DETECTION_REQUEST, type PageState } from '../messaging/page';
import { mountBadge, type BadgeHandle } from '../ui/badge/badge';
import { leanLabel, t } from '../ui/i18n';

export function badgeTexts(info: BadgeInfo) {
  const summary = info.matched ? t('badgeSources', info.sources, info.percent.L, info.percent.C, info.percent.R) : t('badgeNoCoverage');
  const outletLean = info.outletName ? t('badgeOutletLean', info.outletName, leanLabel(info.lean)) : leanLabel(info.lean);
  return { summary, outletLean, accessibleName: t('badgeOpen', outletLean, summary), dismiss: t('badgeDismiss') };
}

export class ArticlePage {
  private state: PageState | null = null;
  private badge: BadgeHandle | null = null;
  private generation = 0;

  constructor(private readonly isInvalid: () => boolean) {}

  current(): PageState | null {
    return this.state;
  }

  async check(): Promise<void> {
    const generation = ++this.generation;
    this.badge?.remove();
    this.badge = null;
    const pageUrl = location.href;
    const detection = detectArticle(document, pageUrl);
    this.state = { pageUrl, detection };
    if (!detection.isArticle) return;
    let info: BadgeInfo;
    try {
      info = await ask({ type: 'article/seen', pageUrl, detection });
    } catch {
      return; // The worker is updating or the extension was reloaded: the page stays as it was.
    }
    // A newer navigation started, or the extension was reloaded, while we waited.
    if (generation !== this.generation || this.isInvalid() || !info.show) return;
    this.badge = mountBadge(info, badgeTexts(info), {
      open: () => void ask({ type: 'popup/open' }).catch(() => undefined),
      dismiss: () => void ask({ type: 'badge/dismiss-site', host: location.hostname }).catch(() => undefined),
    });
  }

  listen(): void {
    // Answered with sendResponse: the content script uses the native API (no polyfill), and Chrome's
    // native onMessage ignores a returned promise.
    browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === PAGE_DETECTION_REQUEST) {
        sendResponse(this.state);
      }
      return undefined;
    });
  }

  dispose(): void {
    this.badge?.remove();
  }
}
