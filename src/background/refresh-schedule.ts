/**
 * The refresh alarm. MV3 stops the worker when idle, so the schedule is a `chrome.alarms` alarm (which
 * wakes the worker) and the listener must be added synchronously when the worker starts.
 */
import { browser, type Browser } from 'wxt/browser';

export const REFRESH_ALARM = 'parallax-feed-refresh';
/** As often as the busiest feed may be fetched (the policy's minIntervalMs): each alarm fetches only the feeds due. */
export const DEFAULT_REFRESH_PERIOD_MINUTES = 15;

export interface RefreshScheduleOptions {
  /** Minutes between alarms; default 15. */
  periodMinutes?: number;
  /** Minutes before the first alarm of a newly created schedule; default 1. */
  firstDelayMinutes?: number;
  /** Called with any error of a run (the alarm keeps firing). */
  onError?: (error: unknown) => void;
}

export interface RefreshTask {
  /** Fetches due feeds (FeedRefresher.refreshDue). */
  refreshDue(): Promise<unknown>;
}

export interface RetentionTask {
  prune(): Promise<unknown>;
}

export interface RefreshSchedule {
  /** The listener's run, also for "refresh now" (joins a run in progress). */
  run(): Promise<void>;
  /** Creates the alarm unless one with the same period exists; resolves once registered. */
  ready: Promise<void>;
  /** Removes the listener and the alarm. */
  stop(): Promise<void>;
}

/**
 * Call once, synchronously, at the top of the background entrypoint. Each alarm runs a refresh and then
 * the retention pass; an existing alarm with the same period is kept, so a worker restart does not
 * push the next refresh back.
 */
export function installRefreshSchedule(
  refresher: RefreshTask,
  retention?: RetentionTask,
  options: RefreshScheduleOptions = {},
): RefreshSchedule {
  const periodInMinutes = options.periodMinutes ?? DEFAULT_REFRESH_PERIOD_MINUTES;
  const onError = options.onError ?? ((error: unknown) => console.error('Parallax refresh failed:', error));
  let current: Promise<void> | null = null;

  const run = (): Promise<void> => {
    current ??= (async () => {
      try {
        await refresher.refreshDue();
        if (retention) await retention.prune();
      } catch (error) {
        onError(error);
      } finally {
        current = null;
      }
    })();
    return current;
  };

  const listener = (alarm: Browser.alarms.Alarm) => {
    if (alarm.name === REFRESH_ALARM) return run();
  };
  browser.alarms.onAlarm.addListener(listener);

  const ready = (async () => {
    const existing = await browser.alarms.get(REFRESH_ALARM);
    if (existing && existing.periodInMinutes === periodInMinutes) return;
    await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: options.firstDelayMinutes ?? 1, periodInMinutes });
  })();

  return {
    run,
    ready,
    stop: async () => {
      browser.alarms.onAlarm.removeListener(listener);
      await browser.alarms.clear(REFRESH_ALARM);
    },
  };
}
