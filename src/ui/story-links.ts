/** Addresses of Parallax's story pages: one URL per story, so a story can be bookmarked while it is indexed. */
import { browser } from 'wxt/browser';

/** The story page's address, asked of the browser once: the stories page links a thousand stories. */
let storyPage: string | null = null;

export function storyPageUrl(storyId: string): string {
  storyPage ??= browser.runtime.getURL('/story.html');
  return `${storyPage}?id=${encodeURIComponent(storyId)}`;
}

export function storiesPageUrl(): string {
  return browser.runtime.getURL('/stories.html');
}

/** The story id in a story page's address, or null. */
export function storyIdFromSearch(search: string): string | null {
  const id = new URLSearchParams(search).get('id');
  return id && id.length <= 200 ? id : null;
}
