/**
 * Feed dates → ISO 8601 UTC. Reads RFC 822/1123/2822 and ISO 8601/RFC 3339 with the variants
 * real feeds publish (zone names, missing seconds, wrong or missing day names, two-digit years,
 * full month names, US "Jan 2, 2006" order, ctime). A date that cannot be read is null: never
 * "now". A date without a zone is taken as UTC.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  // Localised abbreviations seen in European feeds (German, French, Spanish, Italian, Dutch, Portuguese).
  mär: 3,
  mrz: 3,
  mai: 5,
  okt: 10,
  dez: 12,
  janv: 1,
  févr: 2,
  fev: 2,
  fév: 2,
  mars: 3,
  avr: 4,
  juin: 6,
  juil: 7,
  août: 8,
  aout: 8,
  déc: 12,
  ene: 1,
  abr: 4,
  ago: 8,
  dic: 12,
  gen: 1,
  giu: 6,
  lug: 7,
  set: 9,
  ott: 10,
  mei: 5,
  out: 10,
};

/** Zone abbreviations → offset in minutes east of UTC (North American names as RFC 822 defines them). */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 60,
  IST: 60,
  WEST: 60,
  CET: 60,
  MET: 60,
  CEST: 120,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
  JST: 540,
  KST: 540,
  HKT: 480,
  SGT: 480,
  AWST: 480,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  IDT: 180,
  PHT: 480,
  WIB: 420,
};

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return isLeap(year);
  return day <= DAYS_IN_MONTH[month - 1];
}

function expandYear(year: string): number {
  const value = Number(year);
  if (year.length === 2) return value < 50 ? 2000 + value : 1900 + value;
  if (year.length === 3) return 1900 + value; // struct tm years ("117" for 2017), seen in old feeds
  return value;
}

/** Offset in minutes for "+0530", "-07:00", "+05", "EST", "GMT+2"...; undefined when unreadable. */
function zoneOffset(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === '') return 0;
  const cleaned = zone.trim().replace(/^\(|\)$/g, '');
  const numeric = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2})|:(\d))?$/i.exec(cleaned);
  if (numeric) {
    const hours = Number(numeric[2]);
    const minutes = Number(numeric[3] ?? numeric[4] ?? '0');
    if (hours > 14 || minutes > 59) return undefined;
    return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const upper = cleaned.toUpperCase();
  if (upper in ZONES) return ZONES[upper];
  // RFC 822 military zones other than Z are notoriously inverted; RFC 2822 says treat as UTC.
  if (/^[A-IK-Y]$/.test(upper)) return 0;
  return undefined;
}

function toIso(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
  offsetMinutes: number,
): string | null {
  if (!validDate(year, month, day)) return null;
  if (hour === 24 && minute === 0 && second === 0) {
    // "24:00" is the end of the day.
  } else if (hour > 23 || minute > 59 || second > 60) return null;
  const sec = Math.min(second, 59); // leap seconds are clamped
  const time = Date.UTC(year, month - 1, day, hour, minute, sec, millisecond) - offsetMinutes * 60_000;
  if (!Number.isFinite(time)) return null;
  const iso = new Date(time).toISOString();
  return millisecond === 0 ? iso.replace('.000Z', 'Z') : iso;
}

const ISO_PATTERN =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[Tt\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[A-Za-z]{1,5}|(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2}|:\d)?)?$/;

const ISO_WEEKLESS_MONTH = /^(\d{4})-(\d{2})$/;

function fraction(digits: string | undefined): number {
  if (!digits) return 0;
  return Math.round(Number(`0.${digits}`) * 1000) % 1000;
}

function parseIso(text: string): string | null | undefined {
  const m = ISO_PATTERN.exec(text);
  if (!m) {
    const ym = ISO_WEEKLESS_MONTH.exec(text);
    if (ym) return toIso(Number(ym[1]), Number(ym[2]), 1, 0, 0, 0, 0, 0);
    return undefined;
  }
  const offset = zoneOffset(m[8]);
  if (offset === undefined) return null;
  return toIso(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4] ?? '0'),
    Number(m[5] ?? '0'),
    Number(m[6] ?? '0'),
    fraction(m[7]),
    offset,
  );
}

function monthNumber(word: string): number | undefined {
  const key = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

const TIME_PATTERN = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d+))?)?(?:\s*([ap])\.?m\.?)?$/i;

/** RFC 822 and relatives, read token by token so that order variants still work. */
function parseWords(text: string): string | null {
  const tokens = text
    .replace(/,/g, ' ')
    .replace(/(\d)(st|nd|rd|th)\b/gi, '$1')
    .split(/\s+/)
    // Separators between date and time ("March 10, 2024 - 08:00", "10 Mar 2024 | 08:00").
    .filter((t) => t !== '' && !/^[-|@/·–—]$/.test(t));
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  let offset: number | undefined;
  let sawTime = false;
  const numbers: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i];
    // "06:29:51-0400" or "06:29:51Z": split a zone glued to the time.
    const glued = /^(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/i.exec(token);
    if (glued) {
      token = glued[1];
      tokens.splice(i + 1, 0, glued[2]);
    }
    if (!sawTime) {
      let candidate = token;
      if (i + 1 < tokens.length && /^[ap]\.?m\.?$/i.test(tokens[i + 1])) candidate = `${token}${tokens[i + 1]}`;
      const t = TIME_PATTERN.exec(candidate);
      if (t) {
        if (candidate !== token) i++;
        hour = Number(t[1]);
        minute = Number(t[2]);
        second = Number(t[3] ?? '0');
        millisecond = fraction(t[4]);
        if (t[5]) {
          if (hour > 12) return null;
          if (t[5].toLowerCase() === 'p' && hour < 12) hour += 12;
          if (t[5].toLowerCase() === 'a' && hour === 12) hour = 0;
        }
        sawTime = true;
        continue;
      }
    }
    if (/^\d+$/.test(token)) {
      numbers.push(token);
      continue;
    }
    const yearFirst = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(token);
    if (yearFirst && day === undefined) {
      year = Number(yearFirst[1]);
      month = Number(yearFirst[2]);
      day = Number(yearFirst[3]);
      continue;
    }
    const numericDate = /^(\d{1,2})[/.-](\d{1,2}|[A-Za-z]{3,9})[/.-](\d{2,4})$/.exec(token);
    if (numericDate && day === undefined) {
      // "21-Mar-2020" or "21.03.2020" (day first, as outside the US); "03/21/2020" when day > 12.
      const second_ = /^\d+$/.test(numericDate[2]) ? Number(numericDate[2]) : monthNumber(numericDate[2]);
      if (second_ === undefined) return null;
      let d = Number(numericDate[1]);
      let mo = second_;
      if (mo > 12 && d <= 12) [d, mo] = [mo, d];
      day = d;
      month = mo;
      year = expandYear(numericDate[3]);
      continue;
    }
    if (sawTime && offset === undefined) {
      const zone = zoneOffset(token);
      if (zone !== undefined) {
        offset = zone;
        continue;
      }
    }
    const monthValue = /^[A-Za-zÀ-ÿ]+\.?$/.test(token) ? monthNumber(token) : undefined;
    if (monthValue !== undefined && month === undefined) {
      month = monthValue;
      continue;
    }
    if (/^[A-Za-z]+\.?$/.test(token)) {
      // A day name (right or wrong) or filler word: ignored. Zone names before the time too.
      if (!sawTime) continue;
      const zone = zoneOffset(token);
      if (zone === undefined) return null;
      offset = zone;
      continue;
    }
    if (/^(?:GMT|UTC|UT)?[+-]\d{1,2}(?::?\d{2})?$/i.test(token) || /^\(.*\)$/.test(token)) {
      if (/^\(.*\)$/.test(token)) continue; // "(EST)" comments after a numeric zone
      const zone = zoneOffset(token);
      if (zone === undefined) return null;
      offset = zone;
      continue;
    }
    return null;
  }
  if (month === undefined) return null;
  for (const number of numbers) {
    if (day === undefined && number.length <= 2 && Number(number) >= 1 && Number(number) <= 31) day = Number(number);
    else if (year === undefined && (number.length === 4 || number.length === 2 || number.length === 3)) year = expandYear(number);
    else return null;
  }
  if (day === undefined || year === undefined) return null;
  return toIso(year, month, day, hour, minute, second, millisecond, offset ?? 0);
}

/** Parses a feed date; returns ISO 8601 UTC ("2020-03-21T10:29:51Z") or null when unreadable. */
export function parseFeedDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/[\s\u00a0]+/g, ' ').trim();
  if (text === '' || text.length > 100) return null;
  const iso = parseIso(text);
  if (iso !== undefined) return iso;
  if (/^\d{9,13}$/.test(text)) return null; // bare epoch numbers are ambiguous; not read
  return parseWords(text);
}
