import { useEffect, useRef, useState } from 'preact/hooks';
import type { LeanSide } from '../../core/types';
import { ask } from '../../messaging/client';
import { DEFAULT_STORY_WINDOW, STORY_WINDOWS, type StoryList } from '../../messaging/protocol-stories';
import { PageTop } from '../components/PageTop';
import { useProgressiveCount } from '../components/progressive-count';
import { StoryCard } from '../components/StoryCard';
import { dateTime } from '../format';
import { sideLabel, t } from '../i18n';
import { applyTheme } from '../theme';
import { LIST_ANSWER_TIMEOUT_MS, workerErrorText } from '../worker-error';

/** User Timing mark of the list drawn, read by the browser benchmark. */
export const STORIES_PAGE_MARK = 'parallax:stories-drawn';
/** User Timing mark of every story of the list drawn (the first screen comes before). */
export const STORIES_ALL_MARK = 'parallax:stories-all-drawn';
/** Stories drawn at once; the rest follow STORIES_STEP at a time, one task each. */
const STORIES_FIRST = 40;
const STORIES_STEP = 200;
/** Stories drawn at most: the most covered; filters and search reach the rest. */
export const STORIES_LIMIT = 1000;
/** Typing pauses this long before the list is asked for again. */
const SEARCH_DELAY_MS = 150;

type Days = (typeof STORY_WINDOWS)[number];
interface Filter {
  days: Days;
  blindspots: boolean;
  side: LeanSide | null;
  query: string;
}
type State = { kind: 'loading'; last: StoryList | null } | { kind: 'error'; message: string } | { kind: 'list'; list: StoryList };

/** The reader's own front page: the index's stories of the last days, most sources first, with filters. */
export function StoriesPage() {
  const [filter, setFilter] = useState<Filter>({ days: DEFAULT_STORY_WINDOW as Days, blindspots: false, side: null, query: '' });
  const [state, setState] = useState<State>({ kind: 'loading', last: null });
  const asked = useRef(0);
  /** Bumped by "Try again". */
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    ask({ type: 'prefs/get' }).then(
      (prefs) => applyTheme(prefs.theme),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    const n = ++asked.current;
    const timer = setTimeout(
      () => {
        setState((s) => ({ kind: 'loading', last: s.kind === 'list' ? s.list : s.kind === 'loading' ? s.last : null }));
        ask({ type: 'stories/list', ...filter, limit: STORIES_LIMIT }, { timeoutMs: LIST_ANSWER_TIMEOUT_MS }).then(
          (list) => n === asked.current && setState({ kind: 'list', list }),
          (error: unknown) => n === asked.current && setState({ kind: 'error', message: workerErrorText(error) }),
        );
      },
      n === 1 || state.kind === 'error' ? 0 : SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [filter, attempt]);
  useEffect(() => {
    if (state.kind === 'list') markOnce(STORIES_PAGE_MARK);
  }, [state]);

  const list = state.kind === 'list' ? state.list : state.kind === 'loading' ? state.last : null;
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <div class="stories-page" data-state={state.kind}>
      <PageTop title={t('storiesTitle')} />
      <main class="page-main">
        <p class="muted">{t('storiesIntro')}</p>
        <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('storiesPeriod')}{' '}
            <select value={filter.days} onChange={(e) => set({ days: Number(e.currentTarget.value) as Days })} data-testid="stories-days">
              {STORY_WINDOWS.map((d) => (
                <option key={d} value={d}>
                  {d === 1 ? t('storiesDay') : t('storiesDays', d)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('storiesSide')}{' '}
            <select
              value={filter.side ?? ''}
              onChange={(e) => set({ side: (e.currentTarget.value || null) as LeanSide | null })}
              data-testid="stories-side"
            >
              <option value="">{t('storiesSideAny')}</option>
              {(['L', 'C', 'R'] as const).map((side) => (
                <option key={side} value={side}>
                  {sideLabel(side)}
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={filter.blindspots} onChange={(e) => set({ blindspots: e.currentTarget.checked })} />{' '}
            {t('storiesBlindspots')}
          </label>
          <input
            type="search"
            class="search"
            aria-label={t('storiesSearch')}
            placeholder={t('storiesSearch')}
            value={filter.query}
            maxLength={200}
            onInput={(e) => set({ query: e.currentTarget.value })}
          />
        </form>
        <StoriesBody state={state} list={list} retry={() => setAttempt((a) => a + 1)} />
      </main>
    </div>
  );
}

function StoriesBody({ state, list, retry }: { state: State; list: StoryList | null; retry: () => void }) {
  if (state.kind === 'error') {
    return (
      <div class="message" role="status" data-testid="page-message">
        <p>{state.message}</p>
        <button type="button" class="button" onClick={retry}>
          {t('stateRetry')}
        </button>
      </div>
    );
  }
  if (!list) {
    return (
      <div class="message loading" role="status" aria-busy="true">
        <span class="spinner" aria-hidden="true" />
        <p>{t('storiesLoading')}</p>
      </div>
    );
  }
  if (list.total === 0) {
    return (
      <div class="message" role="status" data-testid="page-message">
        <p>{t('storiesEmpty')}</p>
      </div>
    );
  }
  return (
    <section aria-labelledby="stories-count" aria-busy={state.kind === 'loading'}>
      <p id="stories-count" class="muted small" role="status" data-testid="stories-count">
        {t('storiesCount', list.matching, list.total)}
        {list.to !== null && list.from !== null
          ? ` · ${t('storiesWindow', Math.round((list.to - list.from) / 86_400_000), dateTime(list.to))}`
          : ''}
        {list.stories.length < list.matching ? ` ${t('storiesShown', list.stories.length)}` : ''}
      </p>
      {list.stories.length === 0 ? (
        <p class="muted" data-testid="page-message">
          {t('storiesNoMatch')}
        </p>
      ) : (
        <StoryCards stories={list.stories} />
      )}
    </section>
  );
}

function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

function StoryCards({ stories }: { stories: StoryList['stories'] }) {
  const shown = useProgressiveCount(stories, stories.length, STORIES_FIRST, STORIES_STEP, () => markOnce(STORIES_ALL_MARK));
  return (
    <ul class="story-list" data-testid="stories" data-complete={shown === stories.length}>
      {stories.slice(0, shown).map((story) => (
        <StoryCard key={story.id} story={story} />
      ))}
    </ul>
  );
}
