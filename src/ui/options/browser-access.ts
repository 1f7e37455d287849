/**
 * Host permissions and files, from the options page. `requestOrigins` must be called synchronously inside
 * a click (or change) handler: the browser only shows its prompt during a user gesture.
 */
import { browser } from 'wxt/browser';

/** Every web site: what the all-sites opt-in asks for. */
export const ALL_SITES_ORIGINS = ['https://*/*', 'http://*/*'];

export function requestOrigins(origins: readonly string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins: [...origins] }).catch(() => false);
}

export function hasOrigins(origins: readonly string[]): Promise<boolean> {
  return browser.permissions.contains({ origins: [...origins] }).catch(() => false);
}

/** Saves a Blob as a file through a Blob URL and an `<a download>`; nothing leaves the browser. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the URL after this handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The first chosen file's text, or null when the reader chose none. */
export async function chosenFileText(input: HTMLInputElement): Promise<{ name: string; text: string } | null> {
  const file = input.files?.[0];
  if (!file) return null;
  return { name: file.name, text: await file.text() };
}

/** Bytes as the reader reads them: "812 kB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
