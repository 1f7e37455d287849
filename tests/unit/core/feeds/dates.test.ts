import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../../src/core/feeds/dates';
import { parseOk } from '../../support/feeds';

describe('parseFeedDate', () => {
  const readable: [string, string][] = [
    ['Sat, 07 Sep 2002 00:00:01 GMT', '2002-09-07T00:00:01Z'],
    ['Tue, 10 Jun 2003 04:00:00 EDT', '2003-06-10T08:00:00Z'],
    ['Tue, 10 Jun 2003 04:00:00 PDT', '2003-06-10T11:00:00Z'],
    ['Tue, 10 Jun 2003 04:00:00 EST', '2003-06-10T09:00:00Z'],
    ['Mon, 10 Jun 2003 04:00 GMT', '2003-06-10T04:00:00Z'], // wrong day name, no seconds
    ['10 Jun 2003 04:00:00 +0530', '2003-06-09T22:30:00Z'], // no day name
    ['10 Jun 03 04:00:00 +0200', '2003-06-10T02:00:00Z'], // two-digit year
    ['Wed, 02 Oct 2002 08:00:00 -04:00', '2002-10-02T12:00:00Z'],
    ['Sun, 17 Dec 2023 00:58:40 -0500', '2023-12-17T05:58:40Z'],
    ['Tue, 20 December 2011 10:00:00 EST', '2011-12-20T15:00:00Z'], // full month name
    ['Sat, Dec 16 2023 02:02:33 PM', '2023-12-16T14:02:33Z'], // US order, 12-hour clock
    ['Thu, 5 Sep 2019 3:04:05 +0000', '2019-09-05T03:04:05Z'],
    ['Mon Jan  2 15:04:05 MST 2006', '2006-01-02T22:04:05Z'], // ctime
    ['2003-12-13T18:30:02Z', '2003-12-13T18:30:02Z'],
    ['2003-12-13T18:30:02.25+01:00', '2003-12-13T17:30:02.250Z'],
    ['2003-12-13 18:30:02', '2003-12-13T18:30:02Z'], // no zone: UTC
    ['2003-12-13T18:30Z', '2003-12-13T18:30:00Z'], // no seconds
    ['20031213T183002Z', '2003-12-13T18:30:02Z'], // basic format
    ['2017-06-13T03:18:00+00:0', '2017-06-13T03:18:00Z'], // truncated offset
    ['2020-02-29', '2020-02-29T00:00:00Z'],
    ['2024/03/10 08:15', '2024-03-10T08:15:00Z'], // year first with slashes
    ['10.03.2024 08:15 +0100', '2024-03-10T07:15:00Z'], // day first with dots
    ['Di, 10 Mär 2020 10:00:00 +0100', '2020-03-10T09:00:00Z'], // German names
    ['Tue, 10 Jun 2003 04:00:00 +0000 (UTC)', '2003-06-10T04:00:00Z'], // zone comment
    ['Sunday, March 10, 2024 - 8:00 am EST', '2024-03-10T13:00:00Z'], // long US form with separator
  ];
  for (const [input, expected] of readable) {
    it(`reads "${input}"`, () => expect(parseFeedDate(input)).toBe(expected));
  }

  const unreadable = [
    '',
    '   ',
    'yesterday',
    'sometime last week',
    'Wed, 31 Feb 2021 10:00:00 GMT',
    '2021-13-01',
    '2019-02-29',
    'Mon, 10 Jun 2003 25:00:00 GMT',
    '1700000000',
    'Tue, 10 Foo 2003 04:00:00 GMT',
    'Tue, 10 Jun 2003 04:00:00 XYZT',
  ];
  for (const input of unreadable) {
    it(`gives null (never "now") for "${input}"`, () => expect(parseFeedDate(input)).toBeNull());
  }
  it('gives null for null', () => expect(parseFeedDate(null)).toBeNull());
});

describe('dates in feeds', () => {
  it('normalises item dates to ISO 8601 UTC and leaves invalid ones null', () => {
    const { feed } = parseOk('dates.rss');
    expect(feed.entries.map((e) => e.published)).toEqual([
      '2003-06-10T08:00:00Z',
      '2003-06-10T04:00:00Z',
      '2003-06-10T02:00:00Z',
      null,
      null,
      null,
      '2021-07-04T19:30:00.250Z',
      '2020-02-29T00:00:00Z',
    ]);
  });

  it('an unreadable date is null in both published and updated, not the time of parsing', () => {
    const { feed } = parseOk('dates.rss');
    const invalid = feed.entries.find((e) => e.title === 'Invalid date');
    expect(invalid?.published).toBeNull();
    expect(invalid?.updated).toBeNull();
  });
});
