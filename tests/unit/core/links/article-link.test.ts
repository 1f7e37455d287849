import { describe, expect, it } from 'vitest';
import { isArticleLink } from '../../../../src/core/links/article-link';

describe('isArticleLink', () => {
  it.each([
    'https://www.theguardian.com/world/2024/mar/01/storm-hits-the-coast',
    'https://www.bbc.co.uk/news/world-europe-68123456',
    'https://www.nytimes.com/2024/03/01/us/politics/budget-vote.html',
    'https://apnews.com/article/a1b2c3d4e5f6',
    'https://www.reuters.com/world/us/storm-hits-the-coast-2024-03-01/',
    'https://example-news.com/politics/storm-vote',
  ])('an article: %s', (url) => {
    expect(isArticleLink(url)).toBe(true);
    expect(isArticleLink(new URL(url))).toBe(true);
  });

  it.each([
    'https://www.theguardian.com/',
    'https://www.theguardian.com/uk',
    'https://www.bbc.co.uk/news/world',
    'https://www.nytimes.com/section/politics',
    'https://www.theguardian.com/tone/editorials',
    'https://www.foxnews.com/category/politics/elections',
    'https://www.cnn.com/search?q=storm',
    'https://www.foxnews.com/video/6349123456112',
    'https://www.theguardian.com/world/gallery/2024/mar/01/storm-in-pictures',
    'https://www.cnn.com/videos/world/2024/03/01/storm-hits-the-coast-lon-orig.cnn',
    'https://www.nytimes.com/privacy-policy',
  ])('not an article: %s', (url) => {
    expect(isArticleLink(url)).toBe(false);
    expect(isArticleLink(new URL(url))).toBe(false);
  });

  it('reads a parsed address without changing it', () => {
    const url = new URL('https://www.theguardian.com/world/2024/mar/01/storm-hits-the-coast?s=1#top');
    isArticleLink(url);
    expect(url.href).toBe('https://www.theguardian.com/world/2024/mar/01/storm-hits-the-coast?s=1#top');
  });
});
