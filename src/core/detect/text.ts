/** Small text helpers of the detector: whitespace, dates, language tags, headline suffixes. */

export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** A trimmed, whitespace-collapsed, non-empty string, or null. Caps length: metadata is never a novel. */
export function cleanText(value: unknown, maxLength = 1000): string | null {
  if (typeof value !== 'string') return null;
  const text = collapseWhitespace(value.length > maxLength * 4 ? value.slice(0, maxLength * 4) : value);
  if (text === '') return null;
  return text.length > maxLength ? text.slice(0, maxLength) : text;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Metadata sometimes carries HTML entities twice-encoded ("&amp;#8217;"): decode the common ones. */
export function decodeEntities(value: string): string {
  if (value.indexOf('&') < 0) return value;
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return safeFromCodePoint(parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return safeFromCodePoint(parseInt(lower.slice(1), 10), whole);
    return NAMED_ENTITIES[lower] ?? whole;
  });
}

function safeFromCodePoint(code: number, fallback: string): string {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return fallback;
  return String.fromCodePoint(code);
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/**
 * ISO 8601 UTC of a publisher's date string, or null. A date-time without a zone is read as UTC
 * (not the machine's zone) so the result does not depend on where it runs.
 */
export function toIsoDate(value: unknown): string | null {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  const raw = value.trim();
  if (raw === '' || raw.length > 64) return null;
  if (/^\d{10}(\d{3})?$/.test(raw)) return fromEpoch(Number(raw.length === 10 ? Number(raw) * 1000 : raw));
  let text = raw;
  // "20191119" and "20191119T120000Z" compact ISO forms
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (compact) {
    text = `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4] ?? '00'}:${compact[5] ?? '00'}:${compact[6] ?? '00'}${compact[7] ?? 'Z'}`;
  }
  const isoLike = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?))?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i.exec(text);
  if (isoLike) {
    const time = isoLike[2] ? isoLike[2].replace(',', '.') : '00:00:00';
    const paddedTime = /^\d:/.test(time) ? `0${time}` : time;
    let zone = isoLike[3] ? isoLike[3].toUpperCase() : 'Z';
    if (zone === 'UTC' || zone === 'GMT') zone = 'Z';
    else if (/^[+-]\d{2}$/.test(zone)) zone = `${zone}:00`;
    else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return fromEpoch(Date.parse(`${isoLike[1]}T${paddedTime}${zone}`));
  }
  // Free forms ("Tue, 19 Nov 2019 14:00:00 GMT", "November 19, 2019"): only when they name a zone
  // or carry no time, so the machine's zone cannot shift the day.
  if (!/\d/.test(text) || !/\d{4}/.test(text)) return null;
  const hasTime = /\d{1,2}:\d{2}/.test(text);
  const hasZone = /(?:\bGMT\b|\bUTC\b|\bZ\b|[+-]\d{2}:?\d{2}\b|\b[ECMP][SD]T\b)/.test(text);
  if (hasTime && !hasZone) text = `${text} UTC`;
  if (!hasTime) text = `${text} 00:00 UTC`;
  return fromEpoch(Date.parse(text));
}

function fromEpoch(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return date.toISOString();
}

/** "en_US" / "EN-us" / "en-US,fr" to "en-US"; null when it does not look like a language tag. */
export function normalizeLang(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const first = value.split(/[,;\s]/)[0]?.replace(/_/g, '-') ?? '';
  const match = /^([a-zA-Z]{2,3})(?:-([a-zA-Z0-9]{2,8}))?(?:-.*)?$/.exec(first);
  if (!match) return null;
  const primary = match[1].toLowerCase();
  if (primary === 'xx' || primary === 'und') return null;
  const region = match[2];
  if (!region) return primary;
  if (/^[a-zA-Z]{2}$/.test(region) || /^\d{3}$/.test(region)) return `${primary}-${region.toUpperCase()}`;
  if (/^[a-zA-Z]{4}$/.test(region)) return `${primary}-${region[0].toUpperCase()}${region.slice(1).toLowerCase()}`;
  return primary;
}

const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • ', ' » ', ' / ', ' ‹ ', ' › ', ' ~ '];

function alnum(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Whether a title segment names the site: the site name, or the host's own label ("nytimes"). */
function namesSite(segment: string, siteNames: readonly string[]): boolean {
  const key = alnum(segment);
  if (key === '') return false;
  for (const name of siteNames) {
    const nameKey = alnum(name);
    if (nameKey === '') continue;
    if (key === nameKey || key.includes(nameKey) || (nameKey.includes(key) && key.length >= 3)) return true;
  }
  return false;
}

/**
 * Headline without the site's suffix or prefix ("Story - Site", "Site | Story"). A segment is
 * dropped only when it names the site, or when another source of the headline confirms the rest:
 * headlines themselves contain dashes.
 */
export function stripSiteFromTitle(title: string, siteNames: readonly string[], otherHeadlines: readonly string[]): string {
  let current = title;
  let strippedSite = false;
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const separator of TITLE_SEPARATORS) {
      const last = current.lastIndexOf(separator);
      if (last > 0) {
        const head = current.slice(0, last).trim();
        const tail = current.slice(last + separator.length).trim();
        const dropsSite = namesSite(tail, siteNames) || confirms(head, otherHeadlines);
        if (head.length >= 8 && (dropsSite || (strippedSite && isSectionLabel(tail)))) {
          current = head;
          strippedSite = true;
          changed = true;
          break;
        }
      }
      const firstIndex = current.indexOf(separator);
      if (firstIndex > 0) {
        const lead = current.slice(0, firstIndex).trim();
        const rest = current.slice(firstIndex + separator.length).trim();
        if (rest.length >= 8 && namesSite(lead, siteNames) && lead.split(' ').length <= 5) {
          current = rest;
          strippedSite = true;
          changed = true;
          break;
        }
      }
    }
    if (!changed) break;
  }
  return current;
}

function confirms(head: string, otherHeadlines: readonly string[]): boolean {
  const key = alnum(head);
  return otherHeadlines.some((other) => alnum(other) === key);
}

/** Trailing section labels some sites append after the headline ("Story - Opinion - Site"). */
function isSectionLabel(segment: string): boolean {
  return /^(news|opinion|politics|world|business|sport|sports|tech|technology|science|health|entertainment|culture|local|us|uk|national|international)$/i.test(
    segment,
  );
}
