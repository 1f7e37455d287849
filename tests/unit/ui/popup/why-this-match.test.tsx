// @vitest-environment happy-dom
/** "Why this story": the shared names first, then the shared words. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WhyThisMatch } from '../../../../src/ui/popup/WhyThisMatch';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
});

describe('WhyThisMatch', () => {
  it('lists the shared names before the shared words, keeping the engine’s order within each', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(() =>
      render(<WhyThisMatch terms={['documentary', 'Fed Up', 'sugar', 'Katie Couric']} onWrongStory={async () => {}} />, root),
    );
    const terms = [...root.querySelectorAll('.term')];
    expect(terms.map((term) => term.textContent)).toEqual(['Fed Up', 'Katie Couric', 'documentary', 'sugar']);
    expect(terms.map((term) => term.hasAttribute('data-name'))).toEqual([true, true, false, false]);
  });
});
