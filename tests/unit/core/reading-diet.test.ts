import { describe, expect, it } from 'vitest';
import { DAY_MS, readingWindow, sidePercentages, summarizeReading, type ReadingEvent } from '../../../src/core/reading-diet';

// Wednesday 2026-11-18 15:00 UTC.
const NOW = Date.UTC(2026, 10, 18, 15, 0);
const MIDNIGHT = Date.UTC(2026, 10, 18);
const at = (daysAgo: number, hour = 12): number => MIDNIGHT - daysAgo * DAY_MS + hour * 3_600_000;
const open = (articleId: string, when: number, side: ReadingEvent['side']): ReadingEvent => ({ articleId, at: when, side });

describe('reading diet summary', () => {
  it('makes one bucket per day for 7 days, the last one being today', () => {
    const summary = summarizeReading([], { days: 7, now: NOW });
    expect(summary.unit).toBe('day');
    expect(summary.buckets).toHaveLength(7);
    expect(summary.buckets[6]).toMatchObject({ start: MIDNIGHT, end: MIDNIGHT + DAY_MS });
    expect(summary.buckets[0].start).toBe(MIDNIGHT - 6 * DAY_MS);
    expect(summary.totals.total).toBe(0);
    expect(summary.percent).toEqual({ L: 0, C: 0, R: 0 });
  });

  it('counts openings by side in their day, unrated apart, and leaves out what is outside the period', () => {
    const events = [
      open('a', at(0), 'L'),
      open('b', at(0, 1), 'R'),
      open('c', at(2), 'C'),
      open('d', at(2), null),
      open('e', at(6, 0), 'L'),
      open('old', at(7, 23), 'R'), // 7 days ago: outside "last 7 days"
      open('future', MIDNIGHT + DAY_MS + 1, 'C'),
    ];
    const summary = summarizeReading(events, { days: 7, now: NOW });
    expect(summary.totals).toEqual({ L: 2, C: 1, R: 1, unrated: 1, total: 5 });
    expect(summary.buckets[6]).toMatchObject({ L: 1, R: 1, C: 0, unrated: 0, total: 2 });
    expect(summary.buckets[4]).toMatchObject({ C: 1, unrated: 1, total: 2 });
    expect(summary.buckets[0]).toMatchObject({ L: 1, total: 1 });
    expect(summary.percent).toEqual({ L: 50, C: 25, R: 25 });
  });

  it('counts an article opened several times once, on its first opening', () => {
    const summary = summarizeReading([open('a', at(0), 'L'), open('a', at(3), 'L'), open('a', at(1), 'L')], { days: 7, now: NOW });
    expect(summary.totals.total).toBe(1);
    expect(summary.buckets[3].L).toBe(1);
    expect(summary.buckets[6].L).toBe(0);
  });

  it('covers 30 days by day and 90 days by week, the oldest week being the short one', () => {
    expect(summarizeReading([], { days: 30, now: NOW }).buckets).toHaveLength(30);
    const quarter = summarizeReading([open('x', at(89, 0), 'R'), open('y', at(0), 'C')], { days: 90, now: NOW });
    expect(quarter.unit).toBe('week');
    expect(quarter.buckets).toHaveLength(13);
    expect(quarter.buckets.reduce((days, b) => days + (b.end - b.start) / DAY_MS, 0)).toBe(90);
    expect(quarter.buckets[12].end - quarter.buckets[12].start).toBe(7 * DAY_MS);
    expect(quarter.buckets[0].end - quarter.buckets[0].start).toBe(6 * DAY_MS);
    expect(quarter.buckets[0].R).toBe(1);
    expect(quarter.buckets[12].C).toBe(1);
  });

  it('starts days at the reader’s midnight, not UTC’s', () => {
    // 23:30 UTC on the 17th is 01:30 on the 18th in UTC+2: today for that reader.
    const late = Date.UTC(2026, 10, 17, 23, 30);
    const utc = summarizeReading([open('a', late, 'L')], { days: 7, now: NOW });
    const east = summarizeReading([open('a', late, 'L')], { days: 7, now: NOW, utcOffsetMinutes: 120 });
    expect(utc.buckets[5].L).toBe(1);
    expect(east.buckets[6].L).toBe(1);
    expect(readingWindow({ days: 1, now: NOW, utcOffsetMinutes: 120 })).toEqual({
      from: MIDNIGHT - 2 * 3_600_000,
      to: MIDNIGHT + DAY_MS - 2 * 3_600_000,
    });
  });

  it('rounds shares so that they add up to 100', () => {
    expect(sidePercentages({ L: 1, C: 1, R: 1 })).toEqual({ L: 34, C: 33, R: 33 });
    const p = sidePercentages({ L: 2, C: 5, R: 7 });
    expect(p.L + p.C + p.R).toBe(100);
  });
});
