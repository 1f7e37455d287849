/** Namespaces of the feed formats: canonical short keys by URI, and prefixes real feeds use undeclared. */

/** Short keys for the namespaces feeds use, by normalised URI. */
const NAMESPACE_KEYS = new Map<string, string>([
  ['http://www.w3.org/2005/atom', 'atom'],
  ['http://purl.org/atom/ns', 'atom'],
  ['http://purl.org/dc/elements/1.1', 'dc'],
  ['http://purl.org/dc/terms', 'dcterms'],
  ['http://purl.org/rss/1.0/modules/content', 'content'],
  ['http://search.yahoo.com/mrss', 'media'],
  ['http://video.search.yahoo.com/mrss', 'media'],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns', 'rdf'],
  ['http://purl.org/rss/1.0', 'rss'],
  ['http://my.netscape.com/rdf/simple/0.9', 'rss'],
  ['http://channel.netscape.com/rdf/simple/0.9', 'rss'],
  ['http://backend.userland.com/rss2', 'rss'],
  ['http://backend.userland.com/rss', 'rss'],
  ['http://blogs.law.harvard.edu/tech/rss', 'rss'],
  ['http://www.itunes.com/dtds/podcast-1.0.dtd', 'itunes'],
  ['http://www.itunes.com/dtds/podcast-1.0.dtd/', 'itunes'],
  ['http://www.w3.org/1999/xhtml', 'xhtml'],
  ['http://rssnamespace.org/feedburner/ext/1.0', 'feedburner'],
  ['http://www.w3.org/xml/1998/namespace', 'xml'],
  ['https://jsonfeed.org', 'jsonfeed'],
]);

/** Namespaces real feeds use with undeclared prefixes. */
export const WELL_KNOWN_PREFIXES: Record<string, string> = {
  atom: 'atom',
  atom10: 'atom',
  atom03: 'atom',
  dc: 'dc',
  dcterms: 'dcterms',
  content: 'content',
  media: 'media',
  rdf: 'rdf',
  itunes: 'itunes',
  feedburner: 'feedburner',
  xhtml: 'xhtml',
  xml: 'xml',
};

const namespaceKeyCache = new Map<string, string>();

/** The canonical key of a namespace URI ("atom", "dc", "media"...), or the URI itself when unknown. */
export function namespaceKey(uri: string): string {
  const cached = namespaceKeyCache.get(uri);
  if (cached !== undefined) return cached;
  const normalised = uri
    .trim()
    .toLowerCase()
    .replace(/[/#]+$/, '');
  const key = NAMESPACE_KEYS.get(normalised) ?? NAMESPACE_KEYS.get(uri.trim().toLowerCase()) ?? uri.trim();
  if (namespaceKeyCache.size < 1000) namespaceKeyCache.set(uri, key);
  return key;
}

/** Namespace keys in which each vocabulary's elements appear. */
export const RSS = ['', 'rss'] as const;
export const ATOM = ['atom'] as const;
export const DC = ['dc'] as const;
export const MEDIA = ['media'] as const;
