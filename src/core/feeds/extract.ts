/**
 * From an element tree to Parallax's feed shape: which format the root is, and its reader (rss.ts,
 * atom.ts).
 */

import type { ParsedFeed } from '../types';
import { extractAtom } from './atom';
import { extractRss } from './rss';
import type { XmlElement } from './xml-tree';

export type XmlFeedKind = 'rss' | 'rdf' | 'atom' | 'atom-entry';

/** Which feed format a root element is, or null when it is not a feed. */
export function feedKindOf(root: XmlElement): XmlFeedKind | null {
  const local = root.local.toLowerCase();
  if ((local === 'rss' && !root.name.includes(':')) || (local === 'channel' && (root.ns === '' || root.ns === 'rss'))) return 'rss';
  if (local === 'rdf' && root.ns === 'rdf') return 'rdf';
  if (local === 'feed' && (root.ns === 'atom' || root.ns === '')) return 'atom';
  if (local === 'entry' && root.ns === 'atom') return 'atom-entry';
  return null;
}

export function extractXmlFeed(root: XmlElement, kind: XmlFeedKind, warnings: string[]): ParsedFeed {
  if (kind === 'rss' || kind === 'rdf') return extractRss(root, kind, warnings);
  return extractAtom(root, kind, warnings);
}
