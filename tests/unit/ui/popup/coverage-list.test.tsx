// @vitest-environment happy-dom
/** A big story's coverage: the first articles per tab at once, the rest when the reader asks. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../../../public/_locales/en/messages.json';
import type { CoverageItem } from '../../../../src/core/coverage';
import { CoverageList, FIRST_ITEMS } from '../../../../src/ui/popup/CoverageList';

function item(i: number, side: 'L' | 'C' | 'R'): CoverageItem {
  return {
    articleId: `a${side}${i}`,
    url: `https://example.org/${side}/${i}`,
    title: `Headline ${side} ${i}`,
    published: Date.UTC(2026, 0, 1, 0, i),
    outletId: `o${side}${i}`,
    outletName: `Outlet ${side} ${i}`,
    lean: side === 'L' ? 'left' : side === 'C' ? 'center' : 'right',
    side,
    preferred: false,
    hidden: false,
    country: null,
  };
}

beforeEach(() => {
  // The extension's English texts, with Chrome's $1 substitution.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => {
    const text = (messages as Record<string, { message: string } | undefined>)[key]?.message ?? '';
    return [subs ?? []].flat().reduce((out, sub, i) => out.replace(`$${i + 1}`, sub), text);
  });
});

describe('CoverageList', () => {
  it(`draws the first ${FIRST_ITEMS} articles of a tab and all of them on request`, async () => {
    const items = [...Array.from({ length: FIRST_ITEMS + 12 }, (_, i) => item(i, 'L')), item(0, 'C')];
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<CoverageList items={items} />, root));
    expect(root.querySelectorAll('[data-testid="coverage-item"]')).toHaveLength(FIRST_ITEMS);
    const showAll = root.querySelector<HTMLButtonElement>('[data-testid="show-all"]');
    expect(showAll?.textContent).toBe(`Show all ${FIRST_ITEMS + 12} articles`);
    await act(() => showAll!.click());
    expect(root.querySelectorAll('[data-testid="coverage-item"]')).toHaveLength(FIRST_ITEMS + 12);
    expect(root.querySelector('[data-testid="show-all"]')).toBeNull();
    // A small tab has no button.
    await act(() => root.querySelector<HTMLButtonElement>('#tab-C')!.click());
    expect(root.querySelectorAll('[data-testid="coverage-item"]')).toHaveLength(1);
    expect(root.querySelector('[data-testid="show-all"]')).toBeNull();
  });

  it('draws a first screen’s articles alone, with no "show all" yet, then the rest as usual', async () => {
    const items = Array.from({ length: FIRST_ITEMS + 12 }, (_, i) => item(i, 'R'));
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<CoverageList items={items} firstScreen={4} />, root));
    expect(root.querySelectorAll('[data-testid="coverage-item"]')).toHaveLength(4);
    expect(root.querySelector('[data-testid="show-all"]')).toBeNull();
    expect(root.querySelector('#tab-R .count')?.textContent).toBe(String(FIRST_ITEMS + 12));
    await act(() => render(<CoverageList items={items} />, root));
    expect(root.querySelectorAll('[data-testid="coverage-item"]')).toHaveLength(FIRST_ITEMS);
    expect(root.querySelector('[data-testid="show-all"]')).not.toBeNull();
  });
});
