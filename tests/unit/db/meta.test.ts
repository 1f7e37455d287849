/** The meta rows: typed values, their value when absent, and a row of another type read as absent. */
import { describe, expect, it } from 'vitest';
import { ParallaxDatabase } from '../../../src/db/database';
import { META_ALL_SITES, META_LAST_REFRESH_ADDED, META_LAST_REFRESH_AT, readMeta, removeMeta, writeMeta } from '../../../src/db/meta';

describe('meta rows', () => {
  it('reads what was written, the absent value otherwise, and nothing of the wrong type', async () => {
    const db = new ParallaxDatabase(`meta-${Math.random()}`);
    expect(await readMeta(db, META_ALL_SITES)).toBe(false);
    expect(await readMeta(db, META_LAST_REFRESH_AT)).toBeNull();
    await writeMeta(db, { [META_ALL_SITES]: true, [META_LAST_REFRESH_AT]: 1234, [META_LAST_REFRESH_ADDED]: 5 });
    expect([await readMeta(db, META_ALL_SITES), await readMeta(db, META_LAST_REFRESH_AT)]).toEqual([true, 1234]);
    // An older build's row of another type is as good as none.
    await db.meta.put({ key: META_LAST_REFRESH_ADDED, value: 'five' });
    expect(await readMeta(db, META_LAST_REFRESH_ADDED)).toBeNull();
    await removeMeta(db, [META_ALL_SITES]);
    expect(await readMeta(db, META_ALL_SITES)).toBe(false);
    // @ts-expect-error the all-sites opt-in is a boolean.
    await expect(writeMeta(db, { [META_ALL_SITES]: 'yes' })).resolves.toBeUndefined();
  });
});
