/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */

import type { FeedEntry, ParsedFeed } from '../types';
import { parseFeedDate } from './dates';
import { finishEntries } from './finish-entries';
import { collapseWhitespace, htmlToText } from './text';
import { isAbsoluteHttpUrl, resolveUrl } from './urls';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(object: JsonObject, key: string): string | null {
  const value = object[key];
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function plain(value: string | null): string | null {
  if (value === null) return null;
  const text = collapseWhitespace(value);
  return text === '' ? null : text;
}

function html(value: string | null): string | null {
  if (value === null) return null;
  const text = htmlToText(value);
  return text === '' ? null : text;
}

/** Name of the first author: 1.1 "authors" array, else 1.0 "author" object. */
function authorName(object: JsonObject): string | null {
  const authors = object.authors;
  if (Array.isArray(authors)) {
    for (const author of authors) if (isObject(author) && stringField(author, 'name')) return plain(stringField(author, 'name'));
  }
  if (isObject(object.author)) return plain(stringField(object.author, 'name'));
  return null;
}

/** Whether parsed JSON looks like a JSON Feed (version URL, or an items array). */
export function isJsonFeed(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  const version = value.version;
  if (typeof version === 'string' && /jsonfeed\.org\/version\//i.test(version)) return true;
  return Array.isArray(value.items);
}

export function extractJsonFeed(feedObject: JsonObject, documentUrl: string | null, warnings: string[]): ParsedFeed {
  if (typeof feedObject.version !== 'string') warnings.push('JSON Feed without a "version"; read as JSON Feed');
  const feedUrl = stringField(feedObject, 'feed_url');
  const homePage = stringField(feedObject, 'home_page_url');
  const base = documentUrl ?? (isAbsoluteHttpUrl(feedUrl) ? feedUrl : null) ?? (isAbsoluteHttpUrl(homePage) ? homePage : null);
  const feedAuthor = authorName(feedObject);
  const items = Array.isArray(feedObject.items) ? feedObject.items : [];
  const entries: FeedEntry[] = [];
  let skipped = 0;
  for (const item of items) {
    if (!isObject(item)) {
      skipped++;
      continue;
    }
    entries.push({
      title: html(stringField(item, 'title')),
      link: resolveUrl(stringField(item, 'url') ?? stringField(item, 'external_url'), base),
      id: stringField(item, 'id'),
      published: parseFeedDate(stringField(item, 'date_published')),
      updated: parseFeedDate(stringField(item, 'date_modified')),
      summary: plain(stringField(item, 'summary')) ?? plain(stringField(item, 'content_text')) ?? html(stringField(item, 'content_html')),
      author: authorName(item) ?? feedAuthor,
      image: resolveUrl(stringField(item, 'image') ?? stringField(item, 'banner_image'), base),
    });
  }
  if (skipped > 0) warnings.push(`${skipped} JSON Feed item(s) that are not objects ignored`);
  return {
    title: html(stringField(feedObject, 'title')),
    link: resolveUrl(homePage, base),
    entries: finishEntries(entries, warnings),
  };
}
