// @vitest-environment happy-dom
/**
 * The popup's "Show lean chips on this site": asks for the tab's site in the click, switches chips on for
 * it, draws them in the open tab once; says when the site is covered by a group, and when a page cannot
 * have chips.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '../../support/messages';
import { type ChipSettings, DEFAULT_CHIP_SETTINGS } from '../../../../src/core/links/index';
import { ChipsSiteToggle } from '../../../../src/ui/popup/ChipsSiteToggle';

type Message = { type: string; [key: string]: unknown };
let settings: ChipSettings;
let order: string[];

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  settings = structuredClone(DEFAULT_CHIP_SETTINGS);
  order = [];
  useEnglishMessages();
  fakeBrowser.runtime.onMessage.addListener(async (raw: unknown) => {
    const message = raw as Message;
    order.push(message.type);
    if (message.type === 'chips.settings') return { ok: true, data: settings };
    if (message.type === 'chips.setSite') {
      const origin = message.origin as string;
      settings = { ...settings, sites: message.enabled ? [origin] : [] };
      return { ok: true, data: settings };
    }
    if (message.type === 'feeds/list') return { ok: true, data: [] };
    if (message.type === 'content/all-sites-status') return { ok: true, data: { enabled: false } };
    return { ok: false, error: `unexpected ${message.type}` };
  });
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => {
    order.push('permissions.request');
    return true;
  });
  vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async () => {
    order.push('scripting.executeScript');
    return [];
  });
});

async function mount(url: string) {
  const tab = await fakeBrowser.tabs.create({ url });
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(() => render(<ChipsSiteToggle search={`?tab=${tab.id}`} />, root));
  await vi.waitFor(() => expect(root.querySelector('[data-testid="chips-site-toggle"]')?.getAttribute('aria-busy')).toBeNull());
  return { root, tabId: tab.id! };
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('ChipsSiteToggle', () => {
  it('asks for the site, switches chips on for it, then draws them in the open tab', async () => {
    const { root, tabId } = await mount('https://mastodon.social/home');
    expect(root.textContent).toContain('Your browser will ask to let Parallax read mastodon.social.');
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid="chips-site-on"]')!.click());
    await settle();
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://mastodon.social/*'] });
    expect(order.slice(1)).toEqual(['permissions.request', 'chips.setSite', 'scripting.executeScript']);
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId }, files: ['/content-scripts/link-chips.js'] });
    expect(root.querySelector('[data-testid="chips-site-note"]')?.textContent).toBe(
      'Drawn on this page; pages you open on this site from now on get them too.',
    );
    expect(root.querySelector('[data-testid="chips-site-off"]')).not.toBeNull();
  });

  it('does nothing more when the reader refuses the permission', async () => {
    vi.mocked(fakeBrowser.permissions.request).mockResolvedValue(false);
    const { root } = await mount('https://mastodon.social/home');
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid="chips-site-on"]')!.click());
    await settle();
    expect(order).toEqual(['chips.settings']);
    expect(root.querySelector('[data-testid="chips-site-note"]')?.textContent).toBe(
      'Access was not allowed: chips stay off for mastodon.social.',
    );
  });

  it('switches a site off and gives its permission back', async () => {
    settings.sites = ['https://mastodon.social'];
    const { root } = await mount('https://mastodon.social/@someone');
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid="chips-site-off"]')!.click());
    await settle();
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: ['https://mastodon.social/*'] });
    expect(root.querySelector('[data-testid="chips-site-on"]')).not.toBeNull();
  });

  it('names the group that already covers the site', async () => {
    settings.groups.social = true;
    const { root } = await mount('https://old.reddit.com/r/news/');
    expect(root.textContent).toContain('Lean chips are on for old.reddit.com (Social sites).');
    expect(root.querySelector('[data-testid="chips-site-on"]')).toBeNull();
  });

  it('offers nothing on a page that is not a web site', async () => {
    const { root } = await mount('chrome://settings/');
    expect(root.textContent).toBe('Lean chips can be shown on web pages only.');
  });
});
