/**
 * Outlet boilerplate around headlines: wire-service prefixes ("UPDATE 2-", "WATCH:", "EXCLUSIVE-"),
 * outlet suffixes (" - Reuters", " | CNN") and the aggregator's truncation mark ("  ..."). None of it says
 * anything about the story, and outlet names would otherwise make one outlet's headlines look alike.
 */
import { normalizeText } from './tokenize';

const PREFIX_LABELS =
  'update|updated|corrected|correction|refile|rpt|repeat|exclusive|breaking|breaking news|watch|video|videos|photo|photos|gallery|live|live updates|listen|podcast|analysis|factbox|fact box|insight|wrapup|wrap-up|timeline|preview|opinion|editorial|commentary|column|poll|quiz|report|reports|recap|graphic|interactive|in pictures|just in|developing|urgent|flash|buzz|brief|briefs';
const PREFIX = new RegExp(`^\\s*(?:(?:${PREFIX_LABELS})(?:\\s*\\d+)?\\s*(?:[-:|–—]|\\s-)\\s*)+`, 'iu');
const TRUNCATION = /\s*(?:\.{2,}|…)\s*$/u;
/** Separators an outlet name is appended with. A plain hyphen needs spaces around it ("Coca-Cola"). */
const SUFFIX_SEPARATOR = /\s+(?:[-|–—]|::)\s+(?=[^-|–—]*$)/u;
const SUFFIX_LABELS = new Set([
  'video',
  'watch',
  'watch now',
  'photos',
  'photo',
  'live',
  'update',
  'updated',
  'analysis',
  'opinion',
  'recap',
  'news',
  'breaking news',
  'latest news',
  'report',
  'live updates',
  'the latest',
  'in pictures',
  'gallery',
  'quick facts',
  'analyst blog',
]);
const CAPITALISED_WORD = /^(?:[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*|of|the|and|for|on|de|du|la|le|der|die|das|el|y)$/u;

function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A trailing segment looks like an outlet name: short, and every word capitalised (or a joining word). */
function looksLikeOutletName(segment: string): boolean {
  const words = segment.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 5) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(words[0])) return false;
  return words.every((w) => CAPITALISED_WORD.test(w)) || /\.(?:com|net|org|co\.uk|de|fr|in)$/iu.test(segment);
}

/**
 * `title` without outlet boilerplate. `publisher` and `host`, when known, identify the outlet's own name
 * precisely; without them only suffixes that look like outlet names or fixed labels are removed, and a
 * suffix is never the whole headline.
 */
export function stripHeadlineBoilerplate(title: string, publisher?: string, host?: string): string {
  let text = normalizeText(title).replace(TRUNCATION, '').trim();
  const withoutPrefix = text.replace(PREFIX, '');
  if (withoutPrefix.trim().length > 0) text = withoutPrefix;
  // Built when a headline has a suffix to judge (most have none): clustering strips every headline.
  let knownNames: string[] | undefined;
  // Peel up to two trailing segments (" - Section | Outlet").
  for (let pass = 0; pass < 2; pass++) {
    const separator = SUFFIX_SEPARATOR.exec(text);
    if (!separator) break;
    const head = text.slice(0, separator.index).trim();
    const tail = text
      .slice(separator.index + separator[0].length)
      .replace(TRUNCATION, '')
      .trim();
    if (head.split(/\s+/).length < 3) break;
    const tailName = normaliseName(tail);
    knownNames ??= [publisher, host?.replace(/^www\d?\./u, '').replace(/\.[a-z.]+$/u, '')]
      .filter((name): name is string => typeof name === 'string' && name.length > 0)
      .map(normaliseName)
      .filter((name) => name.length >= 2);
    const namesOutlet = knownNames.some((name) => tailName.length > 0 && (name.startsWith(tailName) || tailName.startsWith(name)));
    const isPipe = separator[0].includes('|') || separator[0].includes('::');
    if (
      namesOutlet ||
      SUFFIX_LABELS.has(tail.toLowerCase()) ||
      (isPipe && looksLikeOutletName(tail)) ||
      (looksLikeOutletName(tail) && tail.split(/\s+/).length <= 3 && /\p{Ll}/u.test(head))
    ) {
      text = head;
    } else {
      break;
    }
  }
  return text.trim();
}
