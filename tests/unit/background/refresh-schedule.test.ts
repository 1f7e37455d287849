import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REFRESH_ALARM, installRefreshSchedule } from '../../../src/background/refresh-schedule';

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-11-20T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const alarm = (name: string) => ({ name, scheduledTime: Date.now(), periodInMinutes: 15 });

describe('refresh schedule', () => {
  it('registers a 15-minute alarm that first fires a minute after install', async () => {
    const schedule = installRefreshSchedule({ refreshDue: vi.fn(async () => undefined) });
    await schedule.ready;
    const created = await fakeBrowser.alarms.get(REFRESH_ALARM);
    expect(created).toMatchObject({ name: REFRESH_ALARM, periodInMinutes: 15, scheduledTime: Date.now() + 60_000 });
  });

  it('keeps an existing alarm, so a worker restart does not postpone the next refresh', async () => {
    await fakeBrowser.alarms.create(REFRESH_ALARM, { when: Date.now() + 5 * 60_000, periodInMinutes: 15 });
    vi.advanceTimersByTime(4 * 60_000);
    await installRefreshSchedule({ refreshDue: async () => undefined }).ready;
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(Date.parse('2026-11-20T10:05:00Z'));
  });

  it('runs the refresh then the retention pass on its alarm, and ignores other alarms', async () => {
    const order: string[] = [];
    const refreshDue = vi.fn(async () => {
      order.push('refresh');
    });
    const prune = vi.fn(async () => {
      order.push('prune');
    });
    await installRefreshSchedule({ refreshDue }, { prune }).ready;
    await fakeBrowser.alarms.onAlarm.trigger(alarm('someone-else'));
    expect(refreshDue).not.toHaveBeenCalled();
    await fakeBrowser.alarms.onAlarm.trigger(alarm(REFRESH_ALARM));
    expect(order).toEqual(['refresh', 'prune']);
  });

  it('an alarm during a run joins it, and a failed run does not stop the next one', async () => {
    let release: () => void = () => undefined;
    let calls = 0;
    const onError = vi.fn();
    const refreshDue = vi.fn(async () => {
      calls++;
      if (calls === 1) await new Promise<void>((r) => (release = r));
      else throw new Error('storage full');
    });
    const schedule = installRefreshSchedule({ refreshDue }, undefined, { onError });
    await schedule.ready;
    const first = fakeBrowser.alarms.onAlarm.trigger(alarm(REFRESH_ALARM));
    void fakeBrowser.alarms.onAlarm.trigger(alarm(REFRESH_ALARM));
    expect(refreshDue).toHaveBeenCalledTimes(1);
    release();
    await first;
    await fakeBrowser.alarms.onAlarm.trigger(alarm(REFRESH_ALARM));
    expect(refreshDue).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledWith(new Error('storage full'));
  });

  it('stop removes the alarm and the listener', async () => {
    const refreshDue = vi.fn(async () => undefined);
    const schedule = installRefreshSchedule({ refreshDue });
    await schedule.ready;
    await schedule.stop();
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeUndefined();
    await fakeBrowser.alarms.onAlarm.trigger(alarm(REFRESH_ALARM));
    expect(refreshDue).not.toHaveBeenCalled();
  });
});
