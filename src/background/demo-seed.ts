/** Fills an empty index with the built-in demo stories, once, so Parallax shows something offline. */
import { demoIndexArticles } from '../core/demo-index';
import type { ParallaxDatabase, StoredArticle } from '../db/database';
import { META_DEMO_SEEDED, readMeta, writeMeta } from '../db/meta';
import type { StoryIndex } from './story-index';

export async function seedDemoIndex(db: ParallaxDatabase, index: StoryIndex): Promise<number> {
  if (await readMeta(db, META_DEMO_SEEDED)) return 0;
  const now = Date.now();
  const rows: StoredArticle[] = demoIndexArticles().map((a) => ({ ...a, origin: 'demo', addedAt: now }));
  const added = await index.add(rows);
  await writeMeta(db, { [META_DEMO_SEEDED]: true });
  return added;
}

/**
 * Seeds once per worker, on install or on the first message that needs the index (the worker may start
 * without onInstalled); a failed seed is tried again by the next caller.
 */
export function demoSeeder(db: ParallaxDatabase, index: StoryIndex): () => Promise<unknown> {
  let seeded: Promise<unknown> | null = null;
  return () =>
    (seeded ??= seedDemoIndex(db, index).catch((e: unknown) => {
      seeded = null;
      throw e;
    }));
}
