/** A valid index file for the tests. */
import { buildIndexFile, type IndexFile } from '../../../src/core/index-file/index';
import { DEFAULT_PREFERENCES } from '../../../src/core/preferences';

const EXPORTED = Date.parse('2026-11-20T12:00:00Z');

export function sampleFile(articleCount = 3): IndexFile {
  return buildIndexFile({
    exportedAt: EXPORTED,
    generator: 'test',
    preferences: { ...DEFAULT_PREFERENCES, retentionDays: 30, hiddenOutlets: ['right-post'] },
    feeds: [{ url: 'https://www.lefttimes.com/world/rss.xml', outletId: 'left-times', section: 'World', enabled: true }],
    articles: Array.from({ length: articleCount }, (_, i) => ({
      id: `https://www.lefttimes.com/a/${i}`,
      url: `https://www.lefttimes.com/a/${i}`,
      title: `Article ${i}`,
      outletId: 'left-times',
      host: 'www.lefttimes.com',
      published: EXPORTED - i * 60_000,
      feedUrl: 'https://www.lefttimes.com/world/rss.xml',
    })),
  });
}
