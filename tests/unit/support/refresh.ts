/** Shared test setup for the refresh tests: a small registry, fixture feeds and a recording fake fetch. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FeedRefresher } from '../../../src/background/feed-refresh';
import { StoryIndex } from '../../../src/background/story-index';
import { OutletRegistry, parseOutlets } from '../../../src/core/outlets/index';
import type { ParallaxDatabase } from '../../../src/db/database';

export const FIXTURES = resolve('tests/fixtures/refresh');
export const fixture = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');

export const LEFT_FEED = 'https://www.lefttimes.com/world/rss.xml';
export const RIGHT_FEED = 'https://rightpost.com/feed.atom';
export const CENTRE_FEED = 'https://centredaily.com/rss';

export function testRegistry(): OutletRegistry {
  return new OutletRegistry(
    parseOutlets([
      { id: 'left-times', name: 'The Left Times', domains: ['lefttimes.com'], feeds: [{ url: LEFT_FEED, section: 'World' }] },
      { id: 'right-post', name: 'Right Post', domains: ['rightpost.com'], feeds: [{ url: RIGHT_FEED, section: 'News' }] },
      { id: 'centre-daily', name: 'Centre Daily', domains: ['centredaily.com'], feeds: [{ url: CENTRE_FEED, section: 'Top stories' }] },
      { id: 'wire-service', name: 'Wire Service', domains: ['wireservice.com'], wire: true, feeds: [] },
    ]),
  );
}

export interface RecordedRequest {
  url: string;
  headers: Record<string, string>;
}

export type Route = (request: RecordedRequest) => Response | Promise<Response>;

/** A fetch that answers from `routes` (unknown URLs: a network error) and records every request. */
export function fakeFetch(routes: Record<string, Route>) {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const request = { url: input, headers };
    requests.push(request);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const route = routes[input];
      if (!route) throw new TypeError('Failed to fetch');
      const signal = init?.signal;
      const response = route(request);
      if (!signal) return await response;
      // Honour the caller's AbortController as a real fetch does.
      return await Promise.race([
        response,
        new Promise<never>((_, reject) => {
          if (signal.aborted) reject(new DOMException('aborted', 'AbortError'));
          signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
      ]);
    } finally {
      inFlight--;
    }
  };
  return { fetch, requests, maxInFlight: () => maxInFlight };
}

export const xml = (body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': 'application/rss+xml; charset=utf-8', ...headers } });

/** A clock the test moves by hand. */
export function fakeClock(start = Date.parse('2026-11-20T10:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    set: (ms: number) => {
      now = ms;
    },
  };
}

/** A refresher over `db` fetching from `routes`, for which the browser grants what `granted` says. */
export function refresherGranting(db: ParallaxDatabase, routes: Record<string, Route>, granted: (pattern: string) => boolean) {
  const fake = fakeFetch(routes);
  const clock = fakeClock();
  const refresher = new FeedRefresher({
    db,
    index: new StoryIndex(db),
    registry: testRegistry(),
    fetch: fake.fetch,
    now: clock.now,
    hasPermission: async (pattern) => granted(pattern),
  });
  return { fake, refresher, clock };
}
