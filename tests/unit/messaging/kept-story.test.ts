/** The story kept per tab in storage.session: only for the page the tab still shows, and only of the expected shape. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KeptStories } from '../../../src/messaging/kept-story';
import type { PopupStory } from '../../../src/messaging/page';

const PAGE = 'https://news.example/a';
const story = {
  page: { pageUrl: PAGE, detection: { isArticle: true } },
  view: { status: 'no-coverage', outlet: null },
} as unknown as PopupStory;

beforeEach(() => fakeBrowser.reset());

describe('kept stories', () => {
  it('gives a tab’s story back for the same page only, and forgets it', async () => {
    const kept = new KeptStories(fakeBrowser.storage.session);
    await kept.set(4, story);
    expect(await kept.get(4, PAGE)).toEqual(story);
    expect(await kept.get(4, 'https://news.example/b')).toBeNull();
    expect(await kept.get(5, PAGE)).toBeNull();
    await kept.remove(4);
    expect(await kept.get(4, PAGE)).toBeNull();
  });

  it('reads the store while the tab’s address is still being asked for, and gives nothing without an address', async () => {
    const kept = new KeptStories(fakeBrowser.storage.session);
    await kept.set(4, story);
    let answer: (url: string | undefined) => void = () => undefined;
    const address = new Promise<string | undefined>((resolve) => {
      answer = resolve;
    });
    const read = kept.get(4, address);
    answer(PAGE);
    expect(await read).toEqual(story);
    expect(await kept.get(4, Promise.resolve(undefined))).toBeNull();
    expect(await kept.get(4, undefined)).toBeNull();
  });

  it('ignores a stored value of another shape', async () => {
    await fakeBrowser.storage.session.set({ 'popup-story:4': { page: { pageUrl: PAGE }, view: 'matched' } });
    expect(await new KeptStories(fakeBrowser.storage.session).get(4, PAGE)).toBeNull();
  });
});
