/** Stored feed articles for the story index's tests: an id that is its URL, its host as its outlet. */
import type { StoredArticle } from '../../../src/db/database';

export const T0 = Date.UTC(2026, 0, 16, 8);

/** A feed article published `hours` after T0. */
export const feedRow = (id: string, title: string, hours: number): StoredArticle => ({
  id,
  url: id,
  title,
  published: T0 + hours * 3_600_000,
  publisher: id.split('/')[2],
  host: id.split('/')[2],
  origin: 'feed',
  addedAt: T0,
});
