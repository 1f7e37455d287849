/** t(): the locale's text with its substitutions, the message name when the locale lacks it, typed names only. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '../../../src/ui/i18n';

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
