// @vitest-environment happy-dom
/**
 * The chips script asks the worker about hosts, never about links: once per host for the page's life, the
 * hosts of a frame's new links in one message. Links the page adds to a host known by then get their
 * chips in the observer's callback, before the browser lays them out, without asking again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LinkChips } from '../../../src/content/link-chips/link-chips';
import type { LinkChip } from '../../../src/core/links/index';
import { CHIP_TAG, isChip } from '../../../src/ui/link-chip/chip';

const GUARDIAN: LinkChip = {
  outlet: { name: 'The Guardian', lean: 'lean-left', provider: null, ratedAt: null, owner: null },
  texts: { label: 'Lean Left', shortLabel: 'L', accessibleName: 'The Guardian: Lean Left', details: [], labelEm: 5, shortLabelEm: 1 },
};
const PAGE = { url: 'https://news.ycombinator.com/', host: 'news.ycombinator.com' };

const article = (host: string, n: number) => `https://${host}/world/2026/mar/0${n}/storm-hits-the-coast`;
/** Rows as a page adds them; the links' display is written out (this DOM gives a link none by default). */
function addRows(list: HTMLElement, hrefs: string[]): HTMLAnchorElement[] {
  const anchors = hrefs.map((href, n) => {
    const row = document.createElement('li');
    const link = document.createElement('a');
    link.setAttribute('href', href);
    link.setAttribute('style', 'display: inline');
    link.textContent = `Story ${n}`;
    row.append(link);
    list.append(row);
    return link;
  });
  return anchors;
}
const chipAfter = (anchor: Element) => anchor.nextElementSibling?.localName === CHIP_TAG;
const frames = () => new Promise((resolve) => setTimeout(resolve, 100));

let chips: LinkChips | null = null;
afterEach(() => {
  chips?.stop();
  document.body.replaceChildren();
});

describe('the chips script', () => {
  it('asks about each host once, and places chips for links added to a known host in the same task', async () => {
    const asked: string[][] = [];
    const list = document.createElement('ol');
    document.body.append(list);
    const first = addRows(list, [
      article('www.theguardian.com', 1),
      article('www.theguardian.com', 2),
      article('blog.example.org', 3),
      'item?id=1',
      'https://www.theguardian.com/world',
    ]);
    chips = new LinkChips({
      outlets: async (hosts): Promise<Record<string, LinkChip>> => {
        asked.push(hosts);
        return hosts.includes('www.theguardian.com') ? { 'www.theguardian.com': GUARDIAN } : {};
      },
      rule: null,
      page: () => PAGE,
    });
    chips.start(document.body);
    await frames();
    // One message for the two hosts of article links on other sites: none for the page's own link or
    // for the Guardian's section page.
    expect(asked).toEqual([['www.theguardian.com', 'blog.example.org']]);
    expect(first.map(chipAfter)).toEqual([true, true, false, false, false]);

    // Later rows: the Guardian's get their chips right after the task that added them; the blog is known
    // to have no outlet; nothing is asked again.
    const later = addRows(list, [article('www.theguardian.com', 4), article('blog.example.org', 5)]);
    await Promise.resolve();
    expect(later.map(chipAfter)).toEqual([true, false]);
    expect(chips.stats.chipsUnread).toBe(1);
    await frames();
    expect(asked).toHaveLength(1);

    // A new host is asked about in one message, however many links lead there.
    const news = addRows(list, [article('www.reuters.com', 6), article('www.reuters.com', 7)]);
    await frames();
    expect(asked).toEqual([['www.theguardian.com', 'blog.example.org'], ['www.reuters.com']]);
    expect(news.map(chipAfter)).toEqual([false, false]);
  });

  it('takes out the copies of its chips that a page clones with its rows, and gives the copied links their own', async () => {
    const list = document.createElement('ol');
    document.body.append(list);
    const [link] = addRows(list, [article('www.theguardian.com', 1)]);
    chips = new LinkChips({ outlets: async () => ({ 'www.theguardian.com': GUARDIAN }), rule: null, page: () => PAGE });
    chips.start(document.body);
    await frames();
    expect(chipAfter(link)).toBe(true);

    // The page reuses the row as a template for another story (another outlet's, not known to have one).
    const row = link.closest('li') as HTMLElement;
    const copy = row.cloneNode(true) as HTMLElement;
    (copy.querySelector('a') as HTMLAnchorElement).setAttribute('href', article('blog.example.org', 2));
    list.append(copy);
    // And once more, unchanged: the same story's link again.
    const same = row.cloneNode(true) as HTMLElement;
    list.append(same);
    await frames();
    expect(copy.getElementsByTagName(CHIP_TAG)).toHaveLength(0);
    expect(same.getElementsByTagName(CHIP_TAG)).toHaveLength(1);
    expect(isChip(same.getElementsByTagName(CHIP_TAG)[0])).toBe(true);
    expect(row.getElementsByTagName(CHIP_TAG)).toHaveLength(1);
  });
});
