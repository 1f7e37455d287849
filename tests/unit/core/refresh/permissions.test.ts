import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../../src/core/outlets/index';
import { feedAccessOrigins, feedOriginPatterns } from '../../../../src/core/refresh/permissions';

const registry = loadRegistry();

describe('what enabling feeds asks for', () => {
  it('asks for each feed origin once, port and path aside, and nothing for a non-web URL', () => {
    expect(
      feedOriginPatterns(['https://a.example/rss', 'https://a.example:8443/atom', 'ftp://b.example/x', 'http://127.0.0.1:9/f']),
    ).toEqual(['http://127.0.0.1/*', 'https://a.example/*']);
  });

  it("adds a catalogue outlet's site, so its articles get the badge once its feeds are on", () => {
    const feed = registry.get('macrumors')!.feeds[0].url;
    expect(feedAccessOrigins([feed], registry)).toEqual(['*://*.macrumors.com/*', `${new URL(feed).origin}/*`]);
  });

  it("adds no site for a hand-kept outlet's feed (the manifest reaches it) nor for an unknown host", () => {
    const feed = registry.get('huffpost')!.feeds[0].url;
    expect(feedAccessOrigins([feed, 'https://feeds.unknown.example/rss'], registry)).toEqual(
      feedOriginPatterns([feed, 'https://feeds.unknown.example/rss']),
    );
  });
});
