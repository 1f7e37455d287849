/**
 * OPML feed lists (the format feed readers export): a small tokenizer over `<outline>` tags, no DOM,
 * so it runs in the service worker and in Node. Only the feed URLs and their labels are read.
 */

export interface OpmlFeed {
  /** The feed's URL (`xmlUrl`), resolved and checked to be http(s). */
  url: string;
  /** `title`, else `text`, else null. */
  title: string | null;
  /** The site's URL (`htmlUrl`) when given. */
  siteUrl: string | null;
  /** Label of the enclosing folder outline, when the feed is in one. */
  category: string | null;
}

export type OpmlParseResult = { ok: true; title: string | null; feeds: OpmlFeed[]; warnings: string[] } | { ok: false; error: string };

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;
  for (const match of source.matchAll(pattern)) {
    const name = match[1].toLowerCase().replace(/^.*:/, '');
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? '').trim());
  }
  return attributes;
}

function httpUrl(value: string | undefined, line: number, warnings: string[]): string | null {
  if (value === undefined || value === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    warnings.push(`line ${line}: xmlUrl "${value.slice(0, 200)}" is not an absolute URL; skipped`);
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    warnings.push(`line ${line}: xmlUrl "${value.slice(0, 200)}" is not http(s); skipped`);
    return null;
  }
  return parsed.href;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The feeds an OPML document lists, in document order, each URL once. */
export function parseOpml(text: string): OpmlParseResult {
  // Comments and CDATA may contain anything, including text that looks like tags.
  const source = text
    .replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  if (!/<opml[\s>]/i.test(source)) return { ok: false, error: 'not an OPML document (no <opml> element)' };
  const warnings: string[] = [];
  const titleMatch = /<head[\s>][\s\S]*?<title>([\s\S]*?)<\/title>/i.exec(source);
  const title = titleMatch ? decodeEntities(titleMatch[1]).trim() || null : null;
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  // Labels of the open folder outlines (null for an open outline that is itself a feed).
  const open: (string | null)[] = [];
  const tagPattern = /<(\/?)outline\b([^>]*?)(\/?)>/gi;
  for (const match of source.matchAll(tagPattern)) {
    const [, closing, body, selfClosing] = match;
    if (closing) {
      if (open.length > 0) open.pop();
      else warnings.push(`line ${lineAt(source, match.index)}: </outline> without an open outline`);
      continue;
    }
    const attributes = parseAttributes(body);
    const label = attributes.get('title') || attributes.get('text') || null;
    const url = httpUrl(attributes.get('xmlurl'), lineAt(source, match.index), warnings);
    if (url !== null && !seen.has(url)) {
      seen.add(url);
      const category = [...open].reverse().find((l) => l !== null) ?? null;
      feeds.push({ url, title: label, siteUrl: attributes.get('htmlurl') || null, category });
    }
    if (!selfClosing) open.push(attributes.has('xmlurl') ? null : label);
  }
  if (open.length > 0) warnings.push(`${open.length} outline element(s) not closed`);
  return { ok: true, title, feeds, warnings };
}
