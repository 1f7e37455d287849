// @vitest-environment happy-dom
/**
 * Placing chips in fresh content (not laid out yet): every chip whole and inline, after an inline link or
 * at the end of a block link's last text, and a link of a shape seen before placed without a read of its
 * style (that read would have the browser style the whole new batch there and then).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetLinkShapes, placeChips } from '../../../src/content/link-chips/chip-place';
import type { ChipOutlet, ChipTexts } from '../../../src/core/links/index';
import { CHIP_TAG, chipMaker } from '../../../src/ui/link-chip/chip';

const outlet: ChipOutlet = { name: 'The Daily Example', lean: 'lean-left', provider: null, ratedAt: null, owner: null };
const words: ChipTexts = {
  label: 'Lean Left',
  shortLabel: 'L',
  accessibleName: 'The Daily Example: Lean Left',
  details: [],
  labelEm: 5,
  shortLabelEm: 1,
};
const make = chipMaker(outlet, words);
const WHOLE = make().getAttribute('style');

/**
 * A feed's rows as a page adds them: `count` rows of one shape. The links' display is written out: this
 * DOM does not give a link its default inline display.
 */
function rows(count: number, rowClass: string, linkHtml: (n: number) => string): HTMLAnchorElement[] {
  const list = document.createElement('div');
  list.className = rowClass;
  for (let n = 0; n < count; n++)
    list.insertAdjacentHTML('beforeend', `<div class="${rowClass}-row">${linkHtml(n)}<p>Snippet ${n}</p></div>`);
  document.body.append(list);
  return [...list.querySelectorAll('a')];
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('placing chips in fresh content', () => {
  it('puts each whole chip right after an inline link, reading the style of one shape once', () => {
    const styles = vi.spyOn(window, 'getComputedStyle');
    const first = rows(
      3,
      'inline-feed',
      (n) => `<a class="title" style="display: inline" href="https://example.com/a-${n}">Story ${n}</a>`,
    );
    expect(
      placeChips(
        first.map((a) => [a, make]),
        undefined,
        false,
      ),
    ).toBe(3);
    for (const anchor of first) {
      expect(anchor.nextElementSibling?.localName).toBe(CHIP_TAG);
      expect(anchor.nextElementSibling?.getAttribute('style')).toBe(WHOLE);
    }
    expect(styles).toHaveBeenCalledTimes(1);

    // The next batch of the same shape: no style read at all.
    styles.mockClear();
    const next = rows(3, 'inline-feed', (n) => `<a class="title" style="display: inline" href="https://example.com/b-${n}">Story ${n}</a>`);
    expect(
      placeChips(
        next.map((a) => [a, make]),
        undefined,
        false,
      ),
    ).toBe(3);
    expect(styles).not.toHaveBeenCalled();
    for (const anchor of next) expect(anchor.nextElementSibling?.localName).toBe(CHIP_TAG);

    // After a resize the page's media queries may lay the shape out otherwise: it is read again, once.
    forgetLinkShapes();
    const resized = rows(
      2,
      'inline-feed',
      (n) => `<a class="title" style="display: inline" href="https://example.com/c-${n}">Story ${n}</a>`,
    );
    placeChips(
      resized.map((a) => [a, make]),
      undefined,
      false,
    );
    expect(styles).toHaveBeenCalledTimes(1);
  });

  it('puts it at the end of a block link’s last text, and reads the style of a new shape', () => {
    const cards = rows(
      2,
      'card-feed',
      (n) => `<a class="card" style="display: block" href="https://example.com/c-${n}"><h3>Card ${n}</h3><span>Teaser</span></a>`,
    );
    const styles = vi.spyOn(window, 'getComputedStyle');
    expect(
      placeChips(
        cards.map((a) => [a, make]),
        undefined,
        false,
      ),
    ).toBe(2);
    expect(styles).toHaveBeenCalledTimes(1);
    for (const card of cards) {
      const teaser = card.querySelector('span') as HTMLElement;
      expect(teaser.lastChild?.nodeName.toLowerCase()).toBe(CHIP_TAG);
      expect(card.nextElementSibling?.localName).toBe('p');
    }
    // The same class in another kind of row is another shape: its style is read.
    styles.mockClear();
    const elsewhere = rows(1, 'other-feed', () => '<a class="card" style="display: inline" href="https://example.com/d">Plain link</a>');
    placeChips([[elsewhere[0], make]], undefined, false);
    expect(styles).toHaveBeenCalledTimes(1);
    expect(elsewhere[0].nextElementSibling?.localName).toBe(CHIP_TAG);
  });
});

describe('placing chips in content laid out already', () => {
  /** Two inline links of one shape, the first starting in the viewport and the second below it. */
  function aboveAndBelowTheFold(): [HTMLAnchorElement, HTMLAnchorElement] {
    const [inView, below] = rows(
      2,
      'laid-out',
      (n) => `<a class="title" style="display: inline" href="https://example.com/e-${n}">Story ${n}</a>`,
    );
    const top = (y: number) => () =>
      ({ top: y, bottom: y + 20, left: 0, right: 100, width: 100, height: 20, x: 0, y, toJSON: () => ({}) }) as DOMRect;
    vi.spyOn(inView, 'getBoundingClientRect').mockImplementation(top(window.innerHeight - 30));
    vi.spyOn(below, 'getBoundingClientRect').mockImplementation(top(window.innerHeight + 1));
    return [inView, below];
  }

  it('reads the line of a link the reader may have seen, to choose its chip’s form', () => {
    const [inView] = aboveAndBelowTheFold();
    const lines = vi.spyOn(inView, 'getClientRects');
    expect(placeChips([[inView, make]], undefined, true)).toBe(1);
    expect(lines).toHaveBeenCalled();
    expect(inView.nextElementSibling?.localName).toBe(CHIP_TAG);
  });

  it('puts a whole chip inline after a link below the viewport, without reading its line or its block', () => {
    const [, below] = aboveAndBelowTheFold();
    const lines = vi.spyOn(below, 'getClientRects');
    const ranges = vi.spyOn(document, 'createRange');
    const blocks = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    expect(placeChips([[below, make]], undefined, true)).toBe(1);
    expect(lines).not.toHaveBeenCalled();
    expect(ranges).not.toHaveBeenCalled();
    // Its own box only, to know where it starts.
    expect(blocks).not.toHaveBeenCalled();
    expect(below.nextElementSibling?.localName).toBe(CHIP_TAG);
    expect(below.nextElementSibling?.getAttribute('style')).toBe(WHOLE);
  });
});
