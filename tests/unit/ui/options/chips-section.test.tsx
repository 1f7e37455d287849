// @vitest-environment happy-dom
/**
 * The options page's "Lean chips on links": off by default; a switch asks for its sites before it tells
 * the worker, and gives them back when switched off unless something else needs them; added sites are
 * validated; a worker failure is said, not hidden.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from '../../support/messages';
import { CHIP_GROUP_PATTERNS, type ChipSettings, DEFAULT_CHIP_SETTINGS } from '../../../../src/core/links/index';
import { ChipsSection } from '../../../../src/ui/options/ChipsSection';

type Message = { type: string; [key: string]: unknown };
let settings: ChipSettings;
let sent: Message[];
let order: string[];
let feeds: { url: string; enabled: boolean; siteOrigins: string[] }[];
let failSettings: boolean;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  settings = structuredClone(DEFAULT_CHIP_SETTINGS);
  sent = [];
  order = [];
  feeds = [];
  failSettings = false;
  useEnglishMessages();
  // The worker, answering as the real one does.
  fakeBrowser.runtime.onMessage.addListener(async (raw: unknown) => {
    const message = raw as Message;
    sent.push(message);
    order.push(message.type);
    switch (message.type) {
      case 'chips.settings':
        return failSettings ? { ok: false, error: 'storage is broken' } : { ok: true, data: settings };
      case 'chips.setGroup':
        settings = { ...settings, groups: { ...settings.groups, [message.group as string]: message.enabled } };
        return { ok: true, data: settings };
      case 'chips.setSite': {
        const origin = message.origin as string;
        settings = { ...settings, sites: message.enabled ? [...settings.sites, origin] : settings.sites.filter((s) => s !== origin) };
        return { ok: true, data: settings };
      }
      case 'feeds/list':
        return { ok: true, data: feeds };
      case 'content/all-sites-status':
        return { ok: true, data: { enabled: false } };
      default:
        return { ok: false, error: `unexpected ${message.type}` };
    }
  });
});

function grantAnswer(granted: boolean) {
  return vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => {
    order.push('permissions.request');
    return granted;
  });
}

async function mount() {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(() => render(<ChipsSection />, root));
  await vi.waitFor(() => expect(root.querySelector('fieldset')?.disabled).toBe(false));
  return root;
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
const box = (root: HTMLElement, group: string) => root.querySelector<HTMLInputElement>(`[data-testid="chips-group-${group}"]`)!;

describe('ChipsSection', () => {
  it('shows the three groups off by default, as switches with their sites named', async () => {
    const root = await mount();
    for (const group of ['search', 'aggregators', 'social']) {
      expect(box(root, group).checked).toBe(false);
      expect(box(root, group).getAttribute('role')).toBe('switch');
    }
    expect(root.textContent).toContain('Google, Bing, DuckDuckGo');
    expect(root.textContent).toContain('Reddit, X, Facebook, Bluesky, Hacker News');
    expect(root.querySelector('[data-testid="chips-sites"]')?.textContent).toBe('No sites added.');
  });

  it('asks for the group’s sites in the click, then switches it on', async () => {
    const request = grantAnswer(true);
    const root = await mount();
    await act(() => box(root, 'search').click());
    await settle();
    expect(request).toHaveBeenCalledWith({ origins: [...CHIP_GROUP_PATTERNS.search] });
    expect(order.slice(1)).toEqual(['permissions.request', 'chips.setGroup']);
    expect(box(root, 'search').checked).toBe(true);
    expect(root.querySelector('[data-testid="chips-note"]')?.textContent).toMatch(/Chips are on for Search engines/);
  });

  it('leaves the group off when the reader refuses the permission', async () => {
    grantAnswer(false);
    const root = await mount();
    await act(() => box(root, 'social').click());
    await settle();
    expect(sent.some((m) => m.type === 'chips.setGroup')).toBe(false);
    expect(box(root, 'social').checked).toBe(false);
    expect(root.querySelector('[data-testid="chips-note"]')?.textContent).toBe('Access was not allowed: chips stay off for Social sites.');
  });

  it('switching off gives back the sites nothing else needs, and keeps an enabled feed’s', async () => {
    settings.groups.aggregators = true;
    feeds = [{ url: 'https://news.yahoo.com/rss/world', enabled: true, siteOrigins: [] }];
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    const root = await mount();
    expect(box(root, 'aggregators').checked).toBe(true);
    await act(() => box(root, 'aggregators').click());
    await settle();
    expect(sent.find((m) => m.type === 'chips.setGroup')).toMatchObject({ group: 'aggregators', enabled: false });
    expect(remove).toHaveBeenCalledWith({ origins: ['https://news.google.com/*', 'https://www.yahoo.com/*', 'https://apple.news/*'] });
    expect(box(root, 'aggregators').checked).toBe(false);
  });

  it('adds a Mastodon instance after its permission, refuses a bad address, and removes it', async () => {
    const request = grantAnswer(true);
    vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    const root = await mount();
    const input = root.querySelector<HTMLInputElement>('[data-testid="chips-site-input"]')!;
    const form = input.closest('form')!;

    await act(() => {
      input.value = 'not a site';
      input.dispatchEvent(new Event('input'));
    });
    await act(() => form.requestSubmit());
    expect(root.querySelector('#chips-site-error')?.textContent).toContain('“not a site” is not a site address');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(request).not.toHaveBeenCalled();

    await act(() => {
      input.value = 'mastodon.social';
      input.dispatchEvent(new Event('input'));
    });
    await act(() => form.requestSubmit());
    await settle();
    expect(request).toHaveBeenCalledWith({ origins: ['https://mastodon.social/*'] });
    expect(sent.find((m) => m.type === 'chips.setSite')).toMatchObject({ origin: 'https://mastodon.social', enabled: true });
    const row = root.querySelector<HTMLElement>('[data-testid="chips-site"]')!;
    expect(row.dataset.origin).toBe('https://mastodon.social');
    expect(root.querySelector('#chips-site-error')).toBeNull();

    await act(() => row.querySelector('button')!.click());
    await settle();
    expect(root.querySelector('[data-testid="chips-site"]')).toBeNull();
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: ['https://mastodon.social/*'] });
  });

  it('says when the worker cannot answer, and keeps the switches off', async () => {
    failSettings = true;
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    await act(() => render(<ChipsSection />, root));
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('storage is broken'));
    expect(root.querySelector('fieldset')?.disabled).toBe(true);
    expect(root.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
  });
});
