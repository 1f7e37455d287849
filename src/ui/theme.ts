/**
 * The extension pages' theme: the reader's choice (options), or the system's. The choice is stored with
 * the preferences and mirrored in this origin's localStorage, which every page reads synchronously before
 * it draws, so a dark page never flashes light. The root gets data-theme="light" or "dark" (theme.css).
 */
import type { Preferences } from '../core/preferences';

export type ThemeChoice = Preferences['theme'];
const KEY = 'parallax-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

let choice: ThemeChoice = 'system';
let listening = false;

function resolved(): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

function paint(): void {
  document.documentElement.dataset.theme = resolved();
}

/** Applies a choice now, remembers it for the next page, and follows the system while it is "system". */
export function applyTheme(next: ThemeChoice): void {
  choice = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // Storage refused (a private window's quota): the page still follows the choice.
  }
  paint();
  if (!listening && typeof matchMedia === 'function') {
    listening = true;
    matchMedia(DARK_QUERY).addEventListener('change', paint);
  }
}

/** The choice remembered by the last page that knew it ("system" when none). */
export function storedTheme(): ThemeChoice {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

/** At a page's start, before anything is drawn. */
export function applyStoredTheme(): void {
  applyTheme(storedTheme());
}
