import { useEffect, useRef, useState } from 'preact/hooks';
import type { LeanSide } from '../../core/types';
import { ask, nativeApi } from '../../messaging/client';
import type { SessionArea } from '../../messaging/kept-story';
import { type KeptList, KeptStoryList } from '../../messaging/kept-story-list';
import type { StoryList } from '../../messaging/protocol-stories';
import { FIRST_LIST, STORIES_LIMIT, STORY_WINDOWS, type StoryWindow } from '../../messaging/story-windows';
import { PageTop } from '../components/PageTop';
import { afterNextPaint } from '../after-paint';
import { StoryRows } from '../components/StoryRows';
import { dateTime } from '../format';
import { sideLabel, t } from '../i18n';
import { applyTheme } from '../theme';
import { LIST_ANSWER_TIMEOUT_MS, workerErrorText } from '../worker-error';

/** User Timing mark of the list's first screen drawn, read by the browser benchmark. */
export const STORIES_PAGE_MARK = 'parallax:stories-drawn';
/** User Timing mark of every story of the list drawn (painted). */
export const STORIES_ALL_MARK = 'parallax:stories-all-drawn';
/** Rows drawn before the list's first paint (more than a tall screen shows); the others right after it. */
const FIRST_ROWS = 40;
/** Typing pauses this long before the list is asked for again. */
const SEARCH_DELAY_MS = 150;

export interface StoriesFilter {
  days: StoryWindow;
  blindspots: boolean;
  side: LeanSide | null;
  query: string;
}
type Filter = StoriesFilter;
/** What the page shows first: the default window, unfiltered. */
export const FIRST_FILTER: StoriesFilter = {
  days: FIRST_LIST.days,
  blindspots: FIRST_LIST.blindspots,
  side: FIRST_LIST.side,
  query: FIRST_LIST.query,
};

/** The stories of `filter`'s window that pass it, most sources first, at most STORIES_LIMIT. */
export function requestStories(filter: StoriesFilter): Promise<StoryList> {
  return ask({ type: 'stories/list', ...filter, limit: STORIES_LIMIT }, { timeoutMs: LIST_ANSWER_TIMEOUT_MS });
}

/** The FIRST_FILTER list the worker kept from the last opening (KeptStoryList); null when none, or on any error. */
async function keptFirstList(): Promise<KeptList | null> {
  try {
    const { storage } = nativeApi<{ storage: { session: SessionArea } }>();
    return await new KeptStoryList(storage.session).get(FIRST_LIST);
  } catch {
    return null;
  }
}

/** The page's first list: the one the worker kept from the last opening, else the worker's, asked for at once. */
export type FirstList = { kept: KeptList } | { asked: Promise<StoryList> };

export async function firstList(): Promise<FirstList> {
  const kept = await keptFirstList();
  if (kept !== null) return { kept };
  const asked = requestStories(FIRST_FILTER);
  // Its failure is shown by the page, which handles the promise once it is drawn.
  asked.catch(() => undefined);
  return { asked };
}

type State = { kind: 'loading'; last: StoryList | null } | { kind: 'error'; message: string } | { kind: 'list'; list: StoryList };

/**
 * The reader's own front page: the index's stories of the last days, most sources first, with filters.
 * `first`: the FIRST_FILTER list (firstList), started by the page's script before anything is drawn.
 */
export function StoriesPage({ first }: { first?: Promise<FirstList> }) {
  const [filter, setFilter] = useState<Filter>(FIRST_FILTER);
  const [state, setState] = useState<State>({ kind: 'loading', last: null });
  const asked = useRef(0);
  /** Bumped by "Try again". */
  const [attempt, setAttempt] = useState(0);
  /** Run once the list is drawn whole (and painted). */
  const whenAllDrawn = useRef<(() => void) | null>(null);

  useEffect(() => {
    ask({ type: 'prefs/get' }).then(
      (prefs) => applyTheme(prefs.theme),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    const n = ++asked.current;
    const settle = (answer: Promise<StoryList>) =>
      answer.then(
        (list) => n === asked.current && setState({ kind: 'list', list }),
        (error: unknown) => n === asked.current && setState({ kind: 'error', message: workerErrorText(error) }),
      );
    if (n === 1 && first) {
      // The page starts in its loading state, with its first list on its way.
      void first.then((found) => {
        if (n !== asked.current) return;
        if ('asked' in found) return void settle(found.asked);
        // The kept list is drawn at once; the worker is asked once it is drawn whole (its answer, parsed
        // and compared, would otherwise hold up the drawing), and its list replaces the kept one only if
        // it differs. If the worker fails, the kept list stays: it was current when kept.
        setState({ kind: 'list', list: found.kept.list });
        const check = () => {
          // A filter chosen meanwhile has asked for its own list.
          if (n !== asked.current) return;
          requestStories(FIRST_FILTER).then(
            (list) => n === asked.current && JSON.stringify(list) !== found.kept.json && setState({ kind: 'list', list }),
            () => undefined,
          );
        };
        if (found.kept.list.stories.length === 0) check();
        else whenAllDrawn.current = check;
      });
      return;
    }
    const timer = setTimeout(
      () => {
        setState((s) => ({ kind: 'loading', last: s.kind === 'list' ? s.list : s.kind === 'loading' ? s.last : null }));
        void settle(requestStories(filter));
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
            <select
              value={filter.days}
              onChange={(e) => set({ days: Number(e.currentTarget.value) as StoryWindow })}
              data-testid="stories-days"
            >
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
        <StoriesBody
          state={state}
          list={list}
          retry={() => setAttempt((a) => a + 1)}
          onAllDrawn={() =>
            afterNextPaint(() => {
              markOnce(STORIES_ALL_MARK);
              const then = whenAllDrawn.current;
              whenAllDrawn.current = null;
              then?.();
            })
          }
        />
      </main>
    </div>
  );
}

function StoriesBody({
  state,
  list,
  retry,
  onAllDrawn,
}: {
  state: State;
  list: StoryList | null;
  retry: () => void;
  /** Called when every row is drawn (before that paint). */
  onAllDrawn: () => void;
}) {
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
        <StoryRows stories={list.stories} testId="stories" firstRows={FIRST_ROWS} onAllDrawn={onAllDrawn} />
      )}
    </section>
  );
}

function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}
