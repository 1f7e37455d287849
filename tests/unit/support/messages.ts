/** The extension's English texts in component tests, with Chrome's `$1` substitution. */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../../public/_locales/en/messages.json';

export function useEnglishMessages(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) => {
    const text = (messages as Record<string, { message: string } | undefined>)[key]?.message ?? '';
    return [subs ?? []].flat().reduce((out, sub, i) => out.replace(`$${i + 1}`, sub), text);
  });
}
