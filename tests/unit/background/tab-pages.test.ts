/** What the worker keeps about each tab's page, so the popup needs one message. */
import { describe, expect, it } from 'vitest';
import { TabPages, type TabApi } from '../../../src/background/tab-pages';
import type { StoryView } from '../../../src/core/story-view';
import type { PageState } from '../../../src/messaging/page';

const ARTICLE: PageState = {
  pageUrl: 'https://apnews.com/article/japan-us-missiles',
  detection: {
    isArticle: true,
    reasons: ['og:type=article'],
    title: 'Japan and US agree to boost missile output',
    canonicalUrl: 'https://apnews.com/article/japan-us-missiles',
    siteName: 'AP News',
    byline: null,
    published: '2026-01-16T03:05:00Z',
    modified: null,
    description: null,
    lang: 'en',
  },
};
const VIEW: StoryView = { status: 'no-coverage', outlet: null };

function tabs(options: { url?: string; answer?: unknown; active?: number }) {
  const asked: number[] = [];
  const api: TabApi = {
    urlOf: async () => options.url,
    activeTabId: async () => options.active,
    askPage: async (tabId) => {
      asked.push(tabId);
      if (options.answer instanceof Error) throw options.answer;
      return options.answer;
    },
  };
  return { api, asked };
}

describe('TabPages', () => {
  it('answers from the content script’s report while the tab still shows that page', async () => {
    const { api, asked } = tabs({ url: ARTICLE.pageUrl });
    const pages = new TabPages(api);
    pages.record(7, ARTICLE);
    expect(await pages.pageOf(7)).toEqual(ARTICLE);
    expect(asked).toEqual([]);
  });

  it('asks the page again when the tab moved on, and checks its answer', async () => {
    const moved = { ...ARTICLE, pageUrl: 'https://apnews.com/hub/world-news', detection: { ...ARTICLE.detection, isArticle: false } };
    const { api, asked } = tabs({ url: moved.pageUrl, answer: moved });
    const pages = new TabPages(api);
    pages.record(7, ARTICLE);
    expect(await pages.pageOf(7)).toEqual(moved);
    expect(asked).toEqual([7]);
  });

  it('asks the page when the browser hides the tab’s address (no tabs permission, no host access)', async () => {
    const { api, asked } = tabs({ url: undefined, answer: ARTICLE });
    const pages = new TabPages(api);
    pages.record(7, ARTICLE);
    expect(await pages.pageOf(7)).toEqual(ARTICLE);
    expect(asked).toEqual([7]);
  });

  it('treats a malformed or missing answer from the page as no article', async () => {
    for (const answer of [
      { pageUrl: 'javascript:alert(1)', detection: ARTICLE.detection },
      { pageUrl: ARTICLE.pageUrl },
      'text',
      new Error('no receiver'),
    ]) {
      const { api } = tabs({ url: undefined, answer });
      expect(await new TabPages(api).pageOf(3)).toBeNull();
    }
  });

  it('resolves the active tab when the popup names none', async () => {
    const { api } = tabs({ active: 12 });
    const pages = new TabPages(api);
    expect(await pages.resolveTab(null)).toBe(12);
    expect(await pages.resolveTab(4)).toBe(4);
    expect(await new TabPages(tabs({}).api).resolveTab(null)).toBeNull();
  });

  it('keeps a view only for the same page and the same state of the index and settings', () => {
    const pages = new TabPages(tabs({}).api);
    pages.record(7, ARTICLE);
    pages.rememberView(7, ARTICLE.pageUrl, '3:1', VIEW);
    expect(pages.viewFor(7, ARTICLE.pageUrl, '3:1')).toEqual(VIEW);
    expect(pages.viewFor(7, ARTICLE.pageUrl, '4:1')).toBeNull();
    expect(pages.viewFor(7, 'https://apnews.com/other', '3:1')).toBeNull();
    // A new report for the tab drops the old view; a closed tab drops everything.
    pages.record(7, ARTICLE);
    expect(pages.viewFor(7, ARTICLE.pageUrl, '3:1')).toBeNull();
    pages.rememberView(7, ARTICLE.pageUrl, '3:1', VIEW);
    pages.forget(7);
    expect(pages.viewFor(7, ARTICLE.pageUrl, '3:1')).toBeNull();
  });
});
