// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../../../public/_locales/en/messages.json';
import type { OutletCard as OutletCardData } from '../../../../src/core/story-view';
import { OutletCard } from '../../../../src/ui/popup/OutletCard';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => {
    const text = (messages as Record<string, { message: string } | undefined>)[key]?.message ?? '';
    return [subs ?? []].flat().reduce((out, sub, i) => out.replace(`$${i + 1}`, sub), text);
  });
});

const card: OutletCardData = {
  id: 'al-jazeera',
  name: 'Al Jazeera English',
  lean: null,
  side: null,
  overridden: false,
  rating: null,
  country: 'QA',
  owner: 'Government of Qatar',
  typology: 'State Funded Media',
};

async function draw(data: OutletCardData): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<OutletCard outlet={data} />, root));
  return root;
}

describe('OutletCard', () => {
  it('shows the owner, the kind of ownership and the seat in one line', async () => {
    const root = await draw(card);
    expect(root.querySelector('[data-testid="outlet-card"] p')?.textContent).toMatch(/ · Government of Qatar · State Funded Media · QA$/);
  });

  it('shows no empty separators when the ownership is unknown', async () => {
    const root = await draw({ ...card, owner: null, typology: null, country: null });
    expect(root.querySelector('[data-testid="outlet-card"] p')?.textContent).not.toMatch(/·/);
  });
});
