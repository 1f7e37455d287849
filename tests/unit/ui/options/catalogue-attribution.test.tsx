// @vitest-environment happy-dom
/** The catalogue's CC BY-NC sources are credited where the reader sees the outlets, and in the README. */
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../../../public/_locales/en/messages.json';
import { KITE_ATTRIBUTION } from '../../../../src/core/outlets/catalogue/sources';
import { CatalogueAttribution } from '../../../../src/ui/options/CatalogueAttribution';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string) => (messages as Record<string, { message: string } | undefined>)[key]?.message ?? '',
  );
});

describe('catalogue attribution', () => {
  it('names Kagi News, links its repository and the CC BY-NC 4.0 licence in the options page', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<CatalogueAttribution />, root));
    const note = root.querySelector('[data-testid="catalogue-attribution"]');
    expect(note?.textContent).toMatch(/Kagi News/);
    expect(note?.textContent).toMatch(/AllSides/);
    const links = [...(note?.querySelectorAll('a') ?? [])].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['kagisearch/kite-public', 'https://github.com/kagisearch/kite-public'],
      ['CC BY-NC 4.0', 'https://creativecommons.org/licenses/by-nc/4.0/'],
    ]);
  });

  it('is in the README beside the AllSides attribution', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Ratings and licences'));
    expect(section).toContain('AllSides Media Bias');
    expect(section).toContain(KITE_ATTRIBUTION);
  });
});
