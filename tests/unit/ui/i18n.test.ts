/** t() and keptTexts(): the locale's text with its substitutions, the message name when the locale lacks it, typed names only. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keptTexts, t } from '../../../src/ui/i18n';
import { useEnglishMessages } from '../support/messages';

afterEach(() => vi.restoreAllMocks());

describe('t', () => {
  it('passes the substitutions as text and falls back to the message name', () => {
    const getMessage = vi
      .spyOn(fakeBrowser.i18n, 'getMessage')
      .mockImplementation(((name: string, subs?: string | string[]) =>
        name === 'readingCleared'
          ? `Reading diet cleared (entries removed: ${[subs].flat()[0]}).`
          : '') as typeof fakeBrowser.i18n.getMessage);
    expect(t('readingCleared', 3)).toBe('Reading diet cleared (entries removed: 3).');
    expect(getMessage).toHaveBeenCalledWith('readingCleared', ['3']);
    expect(t('popupTitle')).toBe('popupTitle');
  });

  it('takes only the names in _locales (checked by tsc)', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    // @ts-expect-error not a message of public/_locales/en/messages.json.
    expect(t('noSuchMessage')).toBe('noSuchMessage');
  });
});

describe('keptTexts', () => {
  it('gives what t gives, asking the browser once per message whatever the substitutions', () => {
    useEnglishMessages();
    const getMessage = vi.mocked(fakeBrowser.i18n.getMessage);
    const text = keptTexts();
    const rows = Array.from({ length: 50 }, (_, i) => text('distributionSide', text('sideL'), i, 100 - i));
    expect(rows[7]).toBe(t('distributionSide', 'Left', 7, 93));
    expect(rows[7]).toBe('Left: 7 sources, 93%');
    expect(text('storySources', 12)).toBe('12 sources');
    expect(text('storySources', '$2 and $$')).toBe('$2 and $$ sources');
    getMessage.mockClear();
    for (let i = 0; i < 50; i++) text('distributionSide', text('sideC'), i, i);
    // Only the new name (sideC) was asked; the template was kept.
    expect(getMessage).toHaveBeenCalledTimes(1);
    expect(text('popupTitle')).toBe(t('popupTitle'));
  });

  it('falls back to the message name like t', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    expect(keptTexts()('readingCleared', 3)).toBe('readingCleared');
  });
});
