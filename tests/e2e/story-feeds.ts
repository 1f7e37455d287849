/**
 * The E2E story fixture (tests/fixtures/refresh/e2e-feeds.json): feeds of several outlets about one
 * event, rendered as RSS or Atom dated from now, and each item's article page declaring the outlet's
 * own address as canonical.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeHtml } from '../../src/demo/site';

export interface FixtureItem {
  url: string;
  hoursAgo: number;
  title: string;
  description: string;
}
export interface FixtureFeed {
  outletId: string;
  /** The outlet's name as its pages give it (og:site_name, JSON-LD publisher). */
  publisher: string;
  format: 'rss' | 'atom';
  title: string;
  disabled?: boolean;
  items: FixtureItem[];
}

export const FIXTURE = JSON.parse(readFileSync(resolve('tests/fixtures/refresh/e2e-feeds.json'), 'utf8')) as { feeds: FixtureFeed[] };
export const feedPath = (feed: FixtureFeed) => `/feeds/${feed.outletId}.${feed.format === 'atom' ? 'atom' : 'xml'}`;
export const pagePath = (url: string) => `/page/${new URL(url).host}${new URL(url).pathname}`;

export function renderFeed(feed: FixtureFeed, now: number): string {
  const at = (item: FixtureItem) => new Date(now - item.hoursAgo * 3_600_000);
  if (feed.format === 'atom') {
    const entries = feed.items.map(
      (item) =>
        `<entry><title>${escapeHtml(item.title)}</title><link href="${escapeHtml(item.url)}"/><id>${escapeHtml(item.url)}</id>` +
        `<published>${at(item).toISOString()}</published><updated>${at(item).toISOString()}</updated><summary>${escapeHtml(item.description)}</summary></entry>`,
    );
    return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeHtml(feed.title)}</title><id>urn:${feed.outletId}</id><updated>${new Date(now).toISOString()}</updated>${entries.join('')}</feed>`;
  }
  const items = feed.items.map(
    (item) =>
      `<item><title>${escapeHtml(item.title)}</title><link>${escapeHtml(item.url)}</link><guid>${escapeHtml(item.url)}</guid>` +
      `<pubDate>${at(item).toUTCString()}</pubDate><description>${escapeHtml(item.description)}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeHtml(feed.title)}</title><link>https://example.invalid/</link>${items.join('')}</channel></rss>`;
}

/** The outlet's article as a page on 127.0.0.1 that declares the outlet's own address as canonical. */
export function renderPage(feed: FixtureFeed, item: FixtureItem, now: number): string {
  const published = new Date(now - item.hoursAgo * 3_600_000).toISOString();
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: item.title,
    description: item.description,
    datePublished: published,
    author: [{ '@type': 'Person', name: 'Staff' }],
    publisher: { '@type': 'Organization', name: feed.publisher },
    mainEntityOfPage: item.url,
  }).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(item.title)}</title>
<link rel="canonical" href="${escapeHtml(item.url)}">
<meta property="og:type" content="article"><meta property="og:title" content="${escapeHtml(item.title)}">
<meta property="og:url" content="${escapeHtml(item.url)}"><meta property="og:site_name" content="${escapeHtml(feed.publisher)}"><meta name="description" content="${escapeHtml(item.description)}">
<meta property="article:published_time" content="${published}">
<script type="application/ld+json">${jsonLd}</script></head>
<body><main><article><h1>${escapeHtml(item.title)}</h1><p class="byline">By Staff · <time datetime="${published}">${published}</time></p>
<p>${escapeHtml(item.description)}</p>
<p>This page stands in for the outlet’s article in Parallax’s end-to-end test. The story continues with the details the outlet reported, the reactions of officials, and what comes next.</p>
<p>Passengers described the fog, the sound of the hull on the rocks, and the calm of the crew as boats of the Coast Guard arrived within the hour.</p>
</article></main></body></html>`;
}
