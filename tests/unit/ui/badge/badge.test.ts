// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BadgeInfo } from '../../../../src/core/story-view';
import { mountBadge } from '../../../../src/ui/badge/badge';

const info = {
  show: true,
  matched: true,
  sources: 11,
  percent: { L: 30, C: 30, R: 40 },
  side: 'C',
  lean: 'center',
  outletName: 'Reuters',
} as unknown as BadgeInfo;
const texts = {
  summary: '11 sources · L 30% · C 30% · R 40%',
  outletLean: 'Reuters · Center',
  accessibleName: 'Reuters · Center 11 sources · L 30% · C 30% · R 40%. Parallax: open the story’s coverage.',
  dismiss: 'Hide Parallax on this site',
};

/** The root the badge attaches, caught as it is made (the page itself never gets it). */
function mountCatchingRoot(actions: { open(): void; dismiss(): void }) {
  const attach = vi.spyOn(Element.prototype, 'attachShadow');
  const handle = mountBadge(info, texts, actions);
  const root = attach.mock.results[0].value as ShadowRoot;
  attach.mockRestore();
  return { handle, root };
}

afterEach(() => document.documentElement.querySelector('parallax-badge')?.remove());

describe('the inline badge', () => {
  it('lives in a closed shadow root that the page cannot read', () => {
    const { handle, root } = mountCatchingRoot({ open() {}, dismiss() {} });
    expect(root.mode).toBe('closed');
    expect(handle.host.shadowRoot).toBeNull();
  });

  it('ignores clicks a script dispatches, on the button and on the dismiss button', () => {
    const open = vi.fn();
    const dismiss = vi.fn();
    const { handle, root } = mountCatchingRoot({ open, dismiss });
    const button = root.querySelector<HTMLButtonElement>('button.open')!;
    for (let i = 0; i < 20; i += 1) button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    root.querySelector<HTMLButtonElement>('button.dismiss')!.click();
    expect(open).not.toHaveBeenCalled();
    expect(dismiss).not.toHaveBeenCalled();
    expect(handle.host.isConnected).toBe(true);
  });

  it('has an accessible name that contains its visible text', () => {
    const { root } = mountCatchingRoot({ open() {}, dismiss() {} });
    const button = root.querySelector<HTMLButtonElement>('button.open')!;
    expect(button.textContent).toBe(`${texts.outletLean} ${texts.summary}`);
    expect(button.getAttribute('aria-label')).toContain(button.textContent);
    // The dismiss button's "×" is drawn by CSS: its only text is its name.
    expect(root.querySelector('button.dismiss')!.textContent).toBe('');
  });
});
