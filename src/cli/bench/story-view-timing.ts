/** One story/view asked of the worker from an extension page, timed there: the browser benches' probe. */
import type { Page } from '@playwright/test';

/** The detection the content script would send for a bench article's page. */
export function benchDetection(article: { id: string; title: string; published: number }) {
  return {
    isArticle: true,
    reasons: [],
    title: article.title,
    canonicalUrl: article.id,
    siteName: null,
    byline: null,
    published: new Date(article.published).toISOString(),
    modified: null,
    description: null,
    lang: 'en',
  };
}

/** Sends story/view for the article from `page`; the time from sending to the answer, in the page's clock. */
export function timeStoryView(
  page: Page,
  article: { id: string; title: string; published: number },
): Promise<{ ms: number; sentAt: number; status: string; storyId: string | null }> {
  return page.evaluate(async (d) => {
    const start = performance.now();
    const reply = (await chrome.runtime.sendMessage({ type: 'story/view', pageUrl: d.canonicalUrl, detection: d })) as {
      ok: boolean;
      data?: { status: string; story?: { id: string } };
    };
    return {
      ms: performance.now() - start,
      sentAt: performance.timeOrigin + start,
      status: reply.data?.status ?? 'error',
      storyId: reply.data?.story?.id ?? null,
    };
  }, benchDetection(article));
}
