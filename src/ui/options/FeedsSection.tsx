import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FeedListing, RefreshStatus } from '../../messaging/protocol-index';
import { feedOriginPatterns } from '../../core/refresh/permissions';
import { dateTime, duration, timeAgo } from '../format';
import { t } from '../i18n';
import { requestOrigins } from './browser-access';
import { ask } from '../../messaging/client';
import { RefreshPanel } from './RefreshPanel';
import { ErrorNote, Loading, useFailure } from './SectionStates';

/** Outlets rendered at once; the search and the filters narrow the rest. */
const OUTLETS_SHOWN = 25;

interface OutletFeeds {
  outletId: string;
  name: string;
  feeds: FeedListing[];
}

function groupByOutlet(feeds: readonly FeedListing[]): OutletFeeds[] {
  const groups = new Map<string, OutletFeeds>();
  for (const feed of feeds) {
    let group = groups.get(feed.outletId);
    if (!group) groups.set(feed.outletId, (group = { outletId: feed.outletId, name: feed.outletName ?? feed.outletId, feeds: [] }));
    group.feeds.push(feed);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function FeedState({ feed }: { feed: FeedListing }) {
  if (feed.lastError) {
    return (
      <span class="feed-state is-failing" data-testid="feed-error">
        {t('feedsLastError', feed.lastError)}
        {feed.lastAttemptAt ? <span class="muted"> · {timeAgo(feed.lastAttemptAt)}</span> : null}
      </span>
    );
  }
  if (feed.lastSuccessAt) {
    return (
      <span class="feed-state muted" title={dateTime(feed.lastSuccessAt)}>
        {t('feedsLastRefresh', timeAgo(feed.lastSuccessAt))}
        {feed.lastEntries !== null ? ` · ${t('feedsEntries', feed.lastEntries)}` : ''}
        {feed.intervalMs !== null ? ` · ${t('feedsEvery', duration(feed.intervalMs))}` : ''}
      </span>
    );
  }
  return <span class="feed-state muted">{feed.enabled ? t('feedsNotYet') : ''}</span>;
}

/**
 * Feeds by outlet and section: enable (after asking for their hosts, within the click), disable, see each
 * feed's last refresh, cadence and error; the refresh status and progress are RefreshPanel's.
 */
export function FeedsSection({ onIndexChanged }: { onIndexChanged(): void }) {
  const [feeds, setFeeds] = useState<FeedListing[] | null>(null);
  const [status, setStatus] = useState<RefreshStatus | null>(null);
  const [query, setQuery] = useState('');
  const [section, setSection] = useState('');
  const [onlyEnabled, setOnlyEnabled] = useState(false);
  const [limit, setLimit] = useState(OUTLETS_SHOWN);
  const [notice, setNotice] = useState<{ kind: 'info' | 'warn'; text: string } | null>(null);
  const failure = useFailure();
  const busy = useRef(false);

  const load = async () => {
    try {
      const [list, state] = await Promise.all([ask({ type: 'feeds/list' }), ask({ type: 'refresh/status' })]);
      setFeeds(list);
      setStatus(state);
      failure.clear();
    } catch (e) {
      failure.fail(e);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const sections = useMemo(() => [...new Set((feeds ?? []).map((f) => f.section))].sort((a, b) => a.localeCompare(b)), [feeds]);
  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (feeds ?? []).filter(
      (f) =>
        (!q || (f.outletName ?? f.outletId).toLowerCase().includes(q) || f.url.toLowerCase().includes(q)) &&
        (!section || f.section === section) &&
        (!onlyEnabled || f.enabled),
    );
  }, [feeds, query, section, onlyEnabled]);
  const groups = useMemo(() => groupByOutlet(filtered), [filtered]);

  /** Called synchronously from a click: the permission prompt needs the user gesture. */
  const enable = (urls: string[]) => {
    if (busy.current || urls.length === 0) return;
    busy.current = true;
    const chosen = new Set(urls);
    const sites = (feeds ?? []).filter((f) => chosen.has(f.url)).flatMap((f) => f.siteOrigins);
    const asked = requestOrigins([...new Set([...feedOriginPatterns(urls), ...sites])]);
    void asked
      .then(async (granted) => {
        if (!granted) {
          setNotice({ kind: 'warn', text: t('feedsPermissionRefused') });
          return;
        }
        const count = await ask({ type: 'feeds/enable', urls });
        setNotice({ kind: 'info', text: t('feedsEnabled', count) });
        await load();
      })
      .catch(failure.fail)
      .finally(() => {
        busy.current = false;
      });
  };

  const disable = async (urls: string[]) => {
    if (urls.length === 0) return;
    try {
      const count = await ask({ type: 'feeds/disable', urls });
      setNotice({ kind: 'info', text: t('feedsDisabled', count) });
      await load();
    } catch (e) {
      failure.fail(e);
    }
  };

  const grantMissing = () => {
    const needed = status?.permissionsNeeded ?? [];
    void requestOrigins(needed).then(async (granted) => {
      setNotice(granted ? { kind: 'info', text: t('feedsPermissionGranted') } : { kind: 'warn', text: t('feedsPermissionRefused') });
      await load();
    });
  };

  return (
    <section class="card" aria-labelledby="feeds-title" id="feeds">
      <h2 id="feeds-title">{t('feedsTitle')}</h2>
      <p>{t('feedsIntro')}</p>
      <p>
        <a href="/welcome.html" data-testid="welcome-link">
          {t('feedsWelcomeLink')}
        </a>
      </p>
      <RefreshPanel
        status={status}
        onGrant={grantMissing}
        onRefreshed={async () => {
          onIndexChanged();
          await load();
        }}
      />
      {notice ? (
        <p class={notice.kind === 'warn' ? 'warn' : 'note'} role="status" data-testid="feeds-notice">
          {notice.text}
        </p>
      ) : null}
      <ErrorNote error={failure.error} />
      <div class="row wrap-row filters">
        <label class="search">
          <span>{t('feedsSearch')}</span>
          <input
            type="search"
            value={query}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setLimit(OUTLETS_SHOWN);
            }}
            data-testid="feed-search"
          />
        </label>
        <label class="search">
          <span>{t('feedsSection')}</span>
          <select value={section} onChange={(e) => setSection(e.currentTarget.value)} data-testid="feed-section">
            <option value="">{t('feedsAllSections')}</option>
            {sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" checked={onlyEnabled} onChange={(e) => setOnlyEnabled(e.currentTarget.checked)} />
          {t('feedsOnlyEnabled')}
        </label>
      </div>
      <div class="row wrap-row">
        <span class="muted small">{t('feedsMatching', filtered.length, groups.length)}</span>
        <button
          type="button"
          class="button"
          onClick={() => enable(filtered.filter((f) => !f.enabled).map((f) => f.url))}
          disabled={!filtered.some((f) => !f.enabled)}
          data-testid="feeds-enable-shown"
        >
          {t('feedsEnableShown', filtered.filter((f) => !f.enabled).length)}
        </button>
        <button
          type="button"
          class="button"
          onClick={() => void disable(filtered.filter((f) => f.enabled).map((f) => f.url))}
          disabled={!filtered.some((f) => f.enabled)}
        >
          {t('feedsDisableShown', filtered.filter((f) => f.enabled).length)}
        </button>
      </div>
      <ul class="feed-groups" data-testid="feed-groups" aria-busy={feeds === null}>
        {feeds === null ? <Loading as="li" /> : null}
        {groups.slice(0, limit).map((group) => {
          const off = group.feeds.filter((f) => !f.enabled).map((f) => f.url);
          const on = group.feeds.filter((f) => f.enabled).map((f) => f.url);
          return (
            <li key={group.outletId} class="feed-group" data-testid="feed-outlet" data-outlet={group.outletId}>
              <div class="feed-group-head">
                <h3 class="wrap">{group.name}</h3>
                {off.length > 0 ? (
                  <button type="button" class="link-button" onClick={() => enable(off)}>
                    {t('feedsEnableAll')}
                    <span class="visually-hidden"> {group.name}</span>
                  </button>
                ) : (
                  <button type="button" class="link-button" onClick={() => void disable(on)}>
                    {t('feedsDisableAll')}
                    <span class="visually-hidden"> {group.name}</span>
                  </button>
                )}
              </div>
              <ul class="feeds">
                {group.feeds.map((feed) => (
                  <li key={feed.url} class="feed-row" data-testid="feed-row" data-url={feed.url}>
                    <label class="check">
                      <input
                        type="checkbox"
                        checked={feed.enabled}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          // Shown as it was until the worker (and the permission prompt) agree.
                          e.currentTarget.checked = !on;
                          if (on) enable([feed.url]);
                          else void disable([feed.url]);
                        }}
                        data-testid="feed-toggle"
                      />
                      <span>
                        {feed.section}
                        <span class="visually-hidden"> · {group.name}</span>
                        {feed.custom ? <span class="chip"> {t('feedsCustom')}</span> : null}
                      </span>
                    </label>
                    <span class="feed-url muted small">{feed.url}</span>
                    <FeedState feed={feed} />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      {groups.length > limit ? (
        <button type="button" class="button" onClick={() => setLimit((l) => l + OUTLETS_SHOWN)}>
          {t('feedsShowMore', groups.length - limit)}
        </button>
      ) : null}
    </section>
  );
}
