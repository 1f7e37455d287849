import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { STARTER_TOPIC_IDS, type StarterTopic } from '../../core/starter-set/sections';
import { ask, errorText } from '../../messaging/client';
import type { StarterEditions, WelcomeReplies } from '../../messaging/protocol-welcome';
import { t, type MessageName } from '../i18n';
import { requestOrigins } from '../options/browser-access';
import { StarterBalance } from './StarterBalance';
import { readStarterProgress, type StarterProgress } from './starter-progress';

type StarterSetReply = WelcomeReplies['starter/set'];
type Phase =
  | { kind: 'choose' }
  | { kind: 'asking' }
  | { kind: 'refused' }
  | { kind: 'running'; progress: StarterProgress | null }
  | { kind: 'done'; progress: StarterProgress; failing: number }
  | { kind: 'error'; message: string };

const TOPIC_LABEL: Record<StarterTopic, MessageName> = {
  business: 'welcomeTopicBusiness',
  technology: 'welcomeTopicTechnology',
  science: 'welcomeTopicScience',
  sport: 'welcomeTopicSport',
  culture: 'welcomeTopicCulture',
};
const POLL_MS = 700;

/** Country names in the reader's language ("United Kingdom" for GB), the code when the browser has none. */
function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([...navigator.languages], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const normalized = (url: string) => {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
};

/**
 * The first run: what Parallax does, an edition and topics, the balanced starter set they give, one
 * button that asks for its feeds' sites once, enables them and shows the first refresh; skippable.
 */
export function Welcome() {
  const [editions, setEditions] = useState<StarterEditions | null>(null);
  const [edition, setEdition] = useState<string>('');
  const [topics, setTopics] = useState<StarterTopic[]>([]);
  const [set, setSet] = useState<StarterSetReply | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const busy = useRef(false);

  useEffect(() => {
    ask({ type: 'starter/editions', languages: [...navigator.languages].slice(0, 20) }).then(
      (reply) => {
        setEditions(reply);
        setEdition(reply.suggested ?? '');
      },
      (e: unknown) => setPhase({ kind: 'error', message: errorText(e) }),
    );
  }, []);

  useEffect(() => {
    if (edition === '') return;
    let current = true;
    setSet(null);
    ask({ type: 'starter/set', edition, topics }).then(
      (reply) => current && setSet(reply),
      (e: unknown) => current && setPhase({ kind: 'error', message: errorText(e) }),
    );
    return () => {
      current = false;
    };
  }, [edition, topics.join()]);

  const sorted = useMemo(
    () => (editions?.editions ?? []).map((e) => ({ ...e, name: countryName(e.country) })).sort((a, b) => a.name.localeCompare(b.name)),
    [editions],
  );

  /** Called synchronously from the click: the browser shows its permission prompt only during a user gesture. */
  const start = () => {
    if (!set || busy.current) return;
    busy.current = true;
    setPhase({ kind: 'asking' });
    void requestOrigins(set.origins)
      .then(async (granted) => {
        if (!granted) {
          setPhase({ kind: 'refused' });
          return;
        }
        await run(set);
      })
      .catch((e: unknown) => setPhase({ kind: 'error', message: errorText(e) }))
      .finally(() => {
        busy.current = false;
      });
  };

  const run = async (chosen: StarterSetReply) => {
    const urls = chosen.feeds.map((feed) => feed.url);
    const before = (await ask({ type: 'refresh/status' })).articles;
    await ask({ type: 'feeds/enable', urls });
    const startedAt = Date.now() - 1;
    setPhase({ kind: 'running', progress: null });
    const mine = new Set(urls.map(normalized));
    const poll = setInterval(() => {
      void readStarterProgress(mine, startedAt, before).then(
        (progress) => setPhase((p) => (p.kind === 'running' ? { kind: 'running', progress } : p)),
        () => undefined,
      );
    }, POLL_MS);
    try {
      const after = await ask({ type: 'refresh/run' });
      const progress = await readStarterProgress(mine, startedAt, before);
      // The run's own count: the retention pass after it may already have removed entries older than the window.
      setPhase({
        kind: 'done',
        progress: { ...progress, articlesAdded: after.lastRefreshAdded ?? progress.articlesAdded },
        failing: after.feedsFailing,
      });
    } finally {
      clearInterval(poll);
    }
  };

  const locked = phase.kind === 'asking' || phase.kind === 'running' || phase.kind === 'done';
  return (
    <div class="welcome">
      <header class="welcome-header">
        <h1>
          <span class="mark" aria-hidden="true">
            P
          </span>{' '}
          {t('welcomeTitle')}
        </h1>
        <ul class="promises">
          <li>{t('welcomeWhat')}</li>
          <li>{t('welcomePrivate')}</li>
          <li>{t('welcomeRatings')}</li>
        </ul>
      </header>
      <main class="card" aria-busy={editions === null}>
        <h2>{t('welcomeChooseTitle')}</h2>
        <div class="row wrap-row">
          <label class="field">
            <span>{t('welcomeEdition')}</span>
            <select
              value={edition}
              disabled={locked || editions === null}
              onChange={(e) => setEdition(e.currentTarget.value)}
              data-testid="edition"
            >
              {sorted.map((e) => (
                <option key={e.country} value={e.country}>
                  {e.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset class="topics" disabled={locked}>
            <legend>{t('welcomeTopics')}</legend>
            {STARTER_TOPIC_IDS.map((topic) => (
              <label key={topic} class="check">
                <input
                  type="checkbox"
                  checked={topics.includes(topic)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setTopics((list) => STARTER_TOPIC_IDS.filter((x) => (x === topic ? on : list.includes(x))));
                  }}
                />
                {t(TOPIC_LABEL[topic])}
              </label>
            ))}
          </fieldset>
        </div>
        <div class="starter" aria-busy={set === null} data-testid="starter-set">
          {set ? (
            <>
              <p data-testid="starter-summary">
                {t('welcomeSetSummary', set.feeds.length, set.outlets, countryName(set.edition))}
                {set.feeds.length < 40 ? ` ${t('welcomeSetSmall')}` : ''}
              </p>
              <StarterBalance set={set} />
              <details>
                <summary>{t('welcomeSeeFeeds', set.feeds.length)}</summary>
                <ul class="starter-feeds">
                  {set.feeds.map((feed) => (
                    <li key={feed.url}>
                      <span class={`chip side-${feed.side ?? 'none'}`}>{feed.side ?? '–'}</span> {feed.outletName}{' '}
                      <span class="muted">· {feed.section}</span>
                    </li>
                  ))}
                </ul>
              </details>
            </>
          ) : (
            <p class="muted">{t('welcomeLoading')}</p>
          )}
        </div>
        <div class="row wrap-row actions">
          <button type="button" class="button primary" disabled={!set || locked} onClick={start} data-testid="welcome-start">
            {set ? t('welcomeStart', set.feeds.length) : t('welcomeStartPending')}
          </button>
          <a href="/options.html#feeds" class="skip" data-testid="welcome-skip">
            {t('welcomeSkip')}
          </a>
        </div>
        <p class="muted small">{t('welcomePermissionNote', set?.origins.length ?? 0)}</p>
        <PhaseNote phase={phase} />
      </main>
    </div>
  );
}

function PhaseNote({ phase }: { phase: Phase }) {
  switch (phase.kind) {
    case 'choose':
      return null;
    case 'asking':
      return (
        <p class="note" role="status">
          {t('welcomeAsking')}
        </p>
      );
    case 'refused':
      return (
        <p class="warn" role="status" data-testid="welcome-refused">
          {t('welcomeRefused')}
        </p>
      );
    case 'error':
      return (
        <p class="warn" role="alert" data-testid="welcome-error">
          {phase.message}
        </p>
      );
    case 'running': {
      const p = phase.progress;
      return (
        <div class="progress" role="status" data-testid="welcome-progress">
          <progress max={Math.max(p?.feedsTotal ?? 0, 1)} value={p?.feedsDone ?? 0} aria-label={t('welcomeProgressLabel')} />
          <p>{p ? t('welcomeProgress', p.feedsDone, p.feedsTotal, p.articlesAdded, p.stories) : t('welcomeProgressStarting')}</p>
        </div>
      );
    }
    case 'done':
      return (
        <div class="done" role="status" data-testid="welcome-done">
          <p>
            <strong>{t('welcomeDone')}</strong> {t('welcomeDoneCounts', phase.progress.articlesAdded, phase.progress.stories)}
            {phase.failing > 0 ? ` ${t('welcomeDoneFailing', phase.failing)}` : ''}
          </p>
          <p>{t('welcomeOpenArticle')}</p>
        </div>
      );
  }
}
