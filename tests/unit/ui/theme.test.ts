// @vitest-environment happy-dom
/** The extension pages' theme: the reader's choice wins over the system's, and the next page starts with it. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyStoredTheme, applyTheme, storedTheme } from '../../../src/ui/theme';

function systemPrefersDark(dark: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: dark && query === '(prefers-color-scheme: dark)',
    addEventListener: () => undefined,
  }));
}

describe('theme', () => {
  beforeEach(() => {
    localStorage.clear();
    delete document.documentElement.dataset.theme;
  });

  it('follows the system until the reader chooses', () => {
    systemPrefersDark(true);
    applyStoredTheme();
    expect(document.documentElement.dataset.theme).toBe('dark');
    systemPrefersDark(false);
    applyStoredTheme();
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it("keeps the reader's choice against the system, and the next page starts with it", () => {
    systemPrefersDark(false);
    applyTheme('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    delete document.documentElement.dataset.theme;
    expect(storedTheme()).toBe('dark');
    applyStoredTheme();
    expect(document.documentElement.dataset.theme).toBe('dark');
    systemPrefersDark(true);
    applyTheme('light');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('reads a tampered stored value as "system"', () => {
    localStorage.setItem('parallax-theme', 'neon');
    expect(storedTheme()).toBe('system');
  });
});
