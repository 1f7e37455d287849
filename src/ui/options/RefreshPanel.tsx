import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefreshProgress, RefreshStatus } from '../../messaging/protocol-index';
import { ask, WorkerStoppedError } from '../../messaging/client';
import { timeAgo } from '../format';
import { t } from '../i18n';
import { ErrorNote, Loading, useFailure } from './SectionStates';

/** How often a running refresh's progress is asked for. */
const POLL_MS = 1000;

const count = (n: number) => n.toLocaleString();

/**
 * The Feeds section's refresh status: the last refresh and what the index holds, its size rule, the hosts
 * still to allow, "Refresh now", and the progress of a run (the reader's, or an alarm's found running).
 * A run cut short by the browser stopping the worker is said so, with what happens next.
 */
export function RefreshPanel({
  status,
  onGrant,
  onRefreshed,
}: {
  status: RefreshStatus | null;
  /** Asks for the missing hosts (within the click). */
  onGrant(): void;
  /** After a run: the section reloads its lists and the index summary. */
  onRefreshed(): Promise<void>;
}) {
  const [progress, setProgress] = useState<RefreshProgress | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'info' | 'warn'; text: string } | null>(null);
  const failure = useFailure();
  const polling = waiting || progress?.running === true;
  const wasRunning = useRef(false);

  const poll = async () => {
    try {
      const next = await ask({ type: 'refresh/progress' });
      setProgress(next);
      // An alarm's run ended while the page watched it: show what it brought.
      if (wasRunning.current && !next.running && !waiting) void onRefreshed();
      wasRunning.current = next.running;
    } catch {
      // The next poll asks again; a run's own answer reports its errors.
    }
  };
  useEffect(() => {
    void poll();
  }, []);
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [polling]);

  const refreshNow = async () => {
    if (waiting) return;
    setWaiting(true);
    setNotice(null);
    failure.clear();
    try {
      const after = await ask({ type: 'refresh/run' });
      setNotice({
        kind: after.feedsFailing > 0 ? 'warn' : 'info',
        text: t('feedsRefreshDone', after.lastRefreshAdded ?? 0, after.feedsFailing),
      });
    } catch (e) {
      // Chrome's own words for this ("message channel closed") say nothing to a reader.
      if (e instanceof WorkerStoppedError) setNotice({ kind: 'warn', text: t('feedsRefreshInterrupted') });
      else failure.fail(e);
    } finally {
      setWaiting(false);
      wasRunning.current = false;
      await poll();
      await onRefreshed();
    }
  };

  const running = progress?.running === true;
  return (
    <div class="summary-box" data-testid="refresh-status" aria-busy={status === null}>
      {status ? (
        <>
          <p>
            {status.lastRefreshAt ? t('feedsStatusLast', timeAgo(status.lastRefreshAt)) : t('feedsStatusNever')} ·{' '}
            {t('feedsStatusHeld', status.articles, status.stories)} · {t('feedsStatusEnabled', status.feedsEnabled)}
            {status.feedsFailing > 0 ? <strong class="failing"> · {t('feedsStatusFailing', status.feedsFailing)}</strong> : null}
          </p>
          <p class="muted small" data-testid="refresh-rule">
            {t('feedsCadenceRule', count(status.maxArticles))}
          </p>
          {status.permissionsNeeded.length > 0 ? (
            <p class="warn" data-testid="permissions-needed">
              {t('feedsPermissionsNeeded', status.permissionsNeeded.length)}{' '}
              <button type="button" class="button" onClick={onGrant}>
                {t('feedsGrant')}
              </button>
            </p>
          ) : null}
        </>
      ) : (
        <Loading />
      )}
      <div class="row">
        <button
          type="button"
          class="button primary"
          onClick={() => void refreshNow()}
          disabled={waiting || running || !status || status.feedsEnabled === 0}
          data-testid="refresh-now"
        >
          {waiting || running ? t('feedsRefreshing') : t('feedsRefreshNow')}
        </button>
        {waiting || running ? (
          <>
            <progress
              max={Math.max(progress?.feedsDue ?? 0, 1)}
              value={running ? (progress?.feedsDone ?? 0) : 0}
              aria-label={t('feedsProgress')}
              data-testid="refresh-progress"
            />
            <span class="small muted" data-testid="refresh-progress-text">
              {running && progress
                ? t(
                    'feedsProgressDetail',
                    count(progress.feedsDone),
                    count(progress.feedsDue),
                    count(progress.articlesAdded),
                    count(progress.stories),
                  )
                : t('feedsRefreshing')}
            </span>
          </>
        ) : null}
      </div>
      {notice ? (
        <p class={notice.kind === 'warn' ? 'warn' : 'note'} role="status" data-testid="refresh-notice">
          {notice.text}
        </p>
      ) : !waiting && !running && progress?.interrupted ? (
        <p class="warn" role="status" data-testid="refresh-notice">
          {t('feedsRefreshInterrupted')}
        </p>
      ) : null}
      <ErrorNote error={failure.error} />
    </div>
  );
}
