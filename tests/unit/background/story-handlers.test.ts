import { describe, expect, it } from 'vitest';
import { DETAILS_REOPEN_MS, oncePerClick } from '../../../src/background/story-handlers';

describe('opening the details', () => {
  it('opens once for a burst of requests from one tab, per tab, and again after a pause', async () => {
    let now = 1_000;
    const opened: Array<number | undefined> = [];
    const open = oncePerClick(
      async (tabId) => void opened.push(tabId),
      () => now,
    );
    await Promise.all(Array.from({ length: 20 }, () => open(7)));
    await open(8);
    expect(opened).toEqual([7, 8]);
    now += DETAILS_REOPEN_MS;
    await open(7);
    expect(opened).toEqual([7, 8, 7]);
  });
});
