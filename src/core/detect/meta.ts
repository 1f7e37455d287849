/** `<meta>` and `<link>` signals. */
import type { PageScan } from './scan';

export interface HeadSignals {
  /** Lower-cased meta key (property, name, itemprop or http-equiv) to its first non-empty content. */
  metas: Map<string, string>;
  canonical: string | null;
  /** `<link rel=amphtml>`: the page has an AMP twin, so this is the regular version. */
  ampHtml: string | null;
  /** Text of `<a rel=author>` or `[itemprop=author]` name, the byline of last resort. */
  relAuthor: string | null;
  /** `<base href>`, against which relative links resolve. */
  baseHref: string | null;
}

const MAX_METAS = 2000;

export function readHead(scan: PageScan): HeadSignals {
  const metas = new Map<string, string>();
  const metaElements = scan.metas;
  const metaCount = Math.min(metaElements.length, MAX_METAS);
  for (let i = 0; i < metaCount; i++) {
    const meta = metaElements[i];
    const content = meta.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    const key =
      meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv');
    if (key === null) continue;
    const lower = key.trim().toLowerCase();
    if (!metas.has(lower)) metas.set(lower, content.trim());
  }
  let canonical: string | null = null;
  let ampHtml: string | null = null;
  let relAuthor: string | null = null;
  const links = scan.links;
  for (let i = 0; i < links.length; i++) {
    const rel = (links[i].getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const href = links[i].getAttribute('href');
    if (href === null || href.trim() === '') continue;
    if (canonical === null && rel.includes('canonical')) canonical = href.trim();
    if (ampHtml === null && rel.includes('amphtml')) ampHtml = href.trim();
  }
  for (const element of scan.authorElements) {
    // [itemprop=author] often wraps a [itemprop=name] and a photo: take the name's text when present.
    const nameElement = element.querySelector('[itemprop="name"]');
    const source = nameElement ?? element;
    const text = source.getAttribute('content') ?? source.textContent;
    if (text !== null && text.trim() !== '' && text.length < 200) {
      relAuthor = text;
      break;
    }
  }
  const base = scan.base;
  return { metas, canonical, ampHtml, relAuthor, baseHref: base === null ? null : base.getAttribute('href') };
}

/** First present value among meta keys, in priority order. */
export function firstMeta(metas: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = metas.get(key);
    if (value !== undefined) return value;
  }
  return null;
}

/** parse.ly's `parsely-page` JSON meta carries title, date, author, type. */
export function readParselyPage(metas: Map<string, string>): { title?: unknown; pub_date?: unknown; type?: unknown; author?: unknown } {
  const raw = metas.get('parsely-page');
  if (raw === undefined || raw.length > 20_000) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed;
  } catch {
    // invalid publisher JSON: ignore
  }
  return {};
}
