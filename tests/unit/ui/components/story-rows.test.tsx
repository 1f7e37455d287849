// @vitest-environment happy-dom
/** The stories lists: every story drawn as text (never markup), a screen first on long lists, its bar, counts, blindspot and link. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoryDigest } from '../../../../src/core/story-page';
import { StoryRows } from '../../../../src/ui/components/StoryRows';
import { useEnglishMessages } from '../../support/messages';

beforeEach(() => {
  useEnglishMessages();
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `chrome-extension://parallax${path}`);
});
afterEach(() => vi.restoreAllMocks());

function digest(i: number, patch: Partial<StoryDigest> = {}): StoryDigest {
  return {
    id: `story-${i}`,
    headline: `Headline ${i}`,
    sources: 12,
    originals: 6,
    counts: { L: 3, C: 2, R: 1 },
    percent: { L: 50, C: 33, R: 17 },
    blindspot: null,
    firstAt: Date.UTC(2026, 10, 18, 9),
    lastAt: Date.UTC(2026, 10, 18, 12),
    ...patch,
  };
}

async function draw(stories: StoryDigest[]): Promise<HTMLElement> {
  const root = document.createElement('div');
  await act(() => render(<StoryRows stories={stories} testId="stories" />, root));
  return root;
}

describe('StoryRows', () => {
  it('draws every story of a long list in one pass, in order', async () => {
    const root = await draw(Array.from({ length: 1000 }, (_, i) => digest(i)));
    const rows = root.querySelectorAll('[data-testid="stories"] > [data-testid="story-card"]');
    expect(rows).toHaveLength(1000);
    expect(rows[0].querySelector('a')?.textContent).toBe('Headline 0');
    expect(rows[999].querySelector('a')?.textContent).toBe('Headline 999');
  });

  it('draws the first rows before the browser paints and the others after it, then says all are drawn', async () => {
    const root = document.createElement('div');
    const drawn = vi.fn();
    const stories = Array.from({ length: 1000 }, (_, i) => digest(i));
    await act(() => render(<StoryRows stories={stories} testId="stories" firstRows={40} onAllDrawn={drawn} />, root));
    const rows = () => [...root.querySelectorAll('[data-testid="story-card"] a')].map((a) => a.textContent);
    expect(rows()).toEqual(stories.slice(0, 40).map((s) => s.headline));
    expect(drawn).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(drawn).toHaveBeenCalledTimes(1));
    expect(rows()).toEqual(stories.map((s) => s.headline));
  });

  it('never adds the rest of a list that was replaced before they came', async () => {
    const root = document.createElement('div');
    const drawn = vi.fn();
    await act(() =>
      render(<StoryRows stories={Array.from({ length: 100 }, (_, i) => digest(i))} firstRows={40} onAllDrawn={drawn} />, root),
    );
    await act(() => render(<StoryRows stories={[digest(1000)]} firstRows={40} onAllDrawn={drawn} />, root));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([...root.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Headline 1000']);
    expect(drawn).toHaveBeenCalledTimes(1);
  });

  it('links the story page, and says sources, original reports, blindspot and time', async () => {
    const root = await draw([digest(1, { id: 'a b/c', blindspot: 'R', counts: { L: 3, C: 2, R: 0 }, percent: { L: 60, C: 40, R: 0 } })]);
    const row = root.querySelector('[data-testid="story-card"]')!;
    expect(row.querySelector('a')?.getAttribute('href')).toBe('chrome-extension://parallax/story.html?id=a%20b%2Fc');
    expect(row.textContent).toContain('12 sources');
    expect(row.textContent).toContain('6 original reports');
    expect(row.querySelector('.blindspot-chip')?.textContent).toBe('Right blindspot');
    expect(row.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-18T12:00:00.000Z');
  });

  it('draws the bar as one element with its numbers in its name and its parts as running percentages', async () => {
    const root = await draw([digest(1)]);
    const bar = root.querySelector<HTMLElement>('.mini-bar')!;
    expect(bar.getAttribute('role')).toBe('img');
    expect(bar.getAttribute('aria-label')).toBe('Left: 3 sources, 50%, Center: 2 sources, 33%, Right: 1 sources, 17%');
    expect(bar.children).toHaveLength(0);
    expect(bar.style.getPropertyValue('--to-left')).toBe('50%');
    expect(bar.style.getPropertyValue('--to-center')).toBe('83%');
    expect(bar.style.getPropertyValue('--to-right')).toBe('100%');
  });

  it('leaves out the original reports when every source reported itself', async () => {
    const root = await draw([digest(1, { originals: 12 })]);
    expect(root.textContent).not.toContain('original reports');
  });

  it('shows a headline as text, never as markup', async () => {
    const root = await draw([digest(1, { headline: '<img src=x onerror=alert(1)>Tunnel' })]);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('a')?.textContent).toBe('<img src=x onerror=alert(1)>Tunnel');
  });

  it('draws the new list when the stories change', async () => {
    const root = document.createElement('div');
    await act(() => render(<StoryRows stories={[digest(1), digest(2)]} />, root));
    await act(() => render(<StoryRows stories={[digest(3)]} />, root));
    expect([...root.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Headline 3']);
  });
});
