// @vitest-environment happy-dom
/**
 * The story's summary: the extractive sentences always, and the on-device written summary only where the
 * reader opted in and the browser's own Summarizer has its model on the device (feature-detected; never a
 * download started, never a network model). A failure keeps the extractive summary and says why.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SummarySentence } from '../../../../src/core/story-page';
import { SummarySection } from '../../../../src/ui/story/SummarySection';
import { useEnglishMessages } from '../../support/messages';

const SENTENCES: SummarySentence[] = [
  { text: 'The storm reached the coast on Monday.', articleId: 'a1', url: 'https://a.example/1', outletName: 'Outlet A', side: 'L' },
  { text: 'Thousands lost power overnight.', articleId: 'b1', url: 'https://b.example/1', outletName: 'Outlet B', side: 'R' },
];
const DESCRIPTIONS = 'The storm reached the coast on Monday. Thousands lost power overnight.';

/** A stand-in for Chrome's built-in Summarizer API, as the page's global `Summarizer`. */
function fakeSummarizer(availability: string, summarize: (text: string) => Promise<string>) {
  const calls = { created: 0, destroyed: 0, texts: [] as string[] };
  vi.stubGlobal('Summarizer', {
    availability: async () => availability,
    create: async () => {
      calls.created++;
      return {
        summarize: (text: string) => {
          calls.texts.push(text);
          return summarize(text);
        },
        destroy: () => void calls.destroyed++,
      };
    },
  });
  return calls;
}

async function draw(offerDevice: boolean): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<SummarySection sentences={SENTENCES} descriptions={DESCRIPTIONS} offerDevice={offerDevice} />, root));
  // The availability check resolves after the first render.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return root;
}

const button = (root: HTMLElement) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === 'Write a summary on this device') ?? null;

beforeEach(() => useEnglishMessages());
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('SummarySection', () => {
  it('always shows the extracted sentences, each linked to its outlet, labelled as extracted', async () => {
    const root = await draw(false);
    const items = [...root.querySelectorAll('[data-testid="summary-sentence"]')];
    expect(items.map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual(['https://a.example/1', 'https://b.example/1']);
    expect(root.textContent).toContain('Extracted from the coverage');
  });

  it('offers no written summary when the reader did not opt in, or the browser has no model on the device', async () => {
    fakeSummarizer('available', async () => 'A storm hit.');
    expect(button(await draw(false))).toBeNull();
    vi.unstubAllGlobals();
    // No Summarizer at all (Firefox, most Chromium builds).
    expect(button(await draw(true))).toBeNull();
    // A model that would first have to be downloaded: none is started on the reader's behalf.
    fakeSummarizer('downloadable', async () => 'A storm hit.');
    expect(button(await draw(true))).toBeNull();
  });

  it('writes a summary on the device from the coverage’s descriptions when asked, labelled as such', async () => {
    const calls = fakeSummarizer('available', async () => 'A storm hit the coast and cut power.');
    const root = await draw(true);
    await act(async () => {
      button(root)?.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(calls.texts).toEqual([DESCRIPTIONS]);
    expect(calls.destroyed).toBe(calls.created);
    expect(root.querySelector('.device-summary')?.textContent).toContain('A storm hit the coast and cut power.');
    expect(root.querySelector('.device-summary')?.textContent).toContain('on this device');
    expect(root.querySelectorAll('[data-testid="summary-sentence"]')).toHaveLength(2);
  });

  it('keeps the extracted summary and says why when the on-device summary fails', async () => {
    fakeSummarizer('available', async () => {
      throw new Error('model busy');
    });
    const root = await draw(true);
    await act(async () => {
      button(root)?.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(root.textContent).toContain('The on-device summary did not work: model busy');
    expect(button(root)).not.toBeNull();
    expect(root.querySelectorAll('[data-testid="summary-sentence"]')).toHaveLength(2);
  });
});
