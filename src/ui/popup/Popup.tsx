import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { StoryView } from '../../core/story-view';
import { ask } from '../../messaging/client';
import { dateTime } from '../format';
import { t } from '../i18n';
import type { PageState, PopupStory } from '../../messaging/page';
import { markStoryDrawn, requestPopupStory, tabFromSearch } from './first-story';
import { CoverageList } from './CoverageList';
import { Timeline } from './Timeline';
import { WhyThisMatch } from './WhyThisMatch';
import { DistributionBar } from './DistributionBar';
import { NoFeedsPrompt } from './NoFeedsPrompt';
import { ChipsSiteToggle } from './ChipsSiteToggle';
import { OutletCard, openOptions } from './OutletCard';
import { BlindspotNote } from '../components/BlindspotNote';
import { countriesLine } from '../components/countries';
import type { CountryShares } from '../../core/story-page';
import { storiesPageUrl, storyPageUrl } from '../story-links';
import { workerErrorText } from '../worker-error';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'view'; view: StoryView; page: PageState | null };
type State = PopupState;

/**
 * `first`: the answer to the request the popup's entry sent before this code loaded; `initial`: what to
 * draw first (the answer itself when it came quickly, else the story kept from the worker's last run, or
 * the loading state), replaced by the answer when it comes.
 */
export function Popup({ first, initial, initialIsAnswer }: { first: Promise<PopupStory>; initial: PopupState; initialIsAnswer: boolean }) {
  const [state, setState] = useState<State>(initial);
  const show = (pending: Promise<PopupStory>) =>
    pending.then(
      // The answer usually repeats the kept story already drawn: the same story is not drawn again.
      ({ view, page }) =>
        setState((current) => (current.kind === 'view' && sameStory(current, { view, page }) ? current : { kind: 'view', view, page })),
      // A story already drawn (kept from the worker's last run) stays rather than give way to an error.
      (error: unknown) => setState((current) => (current.kind === 'view' ? current : { kind: 'error', message: workerErrorText(error) })),
    );
  const load = () => {
    setState({ kind: 'loading' });
    void show(requestPopupStory(tabFromSearch(location.search)));
  };
  // Subscribed before the first paint, so an answer that lands then is drawn in the next frame.
  useLayoutEffect(() => {
    if (!initialIsAnswer) void show(first);
  }, [first]);
  useLayoutEffect(() => {
    if (state.kind === 'view') markStoryDrawn();
  }, [state]);
  // A story drawn first is drawn in two frames: the first screen, then (after it was painted) what lies
  // below it. Once anything was drawn (the loading state), stories come whole. The rest waits one more
  // task, so that it comes after the first frame's drawn mark.
  const [complete, setComplete] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setComplete(true));
    return () => clearTimeout(timer);
  }, []);
  const firstScreenOnly = !complete && state.kind === 'view' && state.view.status === 'matched';

  return (
    <div class="popup" data-state={state.kind === 'view' ? state.view.status : state.kind}>
      <header class="top">
        <span class="brand">
          <span class="mark" aria-hidden="true">
            P
          </span>{' '}
          {t('popupTitle')}
        </span>
        <nav class="top-links">
          <a href={storiesPageUrl()} target="_blank" rel="noopener" data-testid="open-stories">
            {t('openStories')}
          </a>
          <button type="button" class="link-button" onClick={() => void openOptions()}>
            {t('openOptions')}
          </button>
        </nav>
      </header>
      <main>{renderState(state, load, firstScreenOnly)}</main>
      {firstScreenOnly ? null : <ChipsSiteToggle search={location.search} />}
    </div>
  );
}

/** The same view of the same page, as the worker computed it (the kept story is a copy of an answer). */
function sameStory(a: { view: StoryView; page: PageState | null }, b: { view: StoryView; page: PageState | null }): boolean {
  return JSON.stringify(a.view) === JSON.stringify(b.view) && JSON.stringify(a.page) === JSON.stringify(b.page);
}

function Message({ text, hint, action }: { text: string; hint?: string; action?: { label: string; run(): void } }) {
  return (
    <div class="message" role="status" data-testid="popup-message">
      <p>{text}</p>
      {hint ? <p class="muted">{hint}</p> : null}
      {action ? (
        <button type="button" class="button" onClick={action.run}>
          {action.label}
        </button>
      ) : null}
    </div>
  );
}

/** Each answered state opens with a heading, so screen-reader users can find what the popup says. */
function StateTitle({ text }: { text: string }) {
  return (
    <h1 class="state-title" data-testid="popup-heading">
      {text}
    </h1>
  );
}

/** Coverage articles drawn in a story's first frame: more than the popup's first screen shows. */
const FIRST_SCREEN_ARTICLES = 4;

function renderState(state: State, reload: () => void, firstScreenOnly: boolean) {
  const retry = reload;
  if (state.kind === 'loading') {
    return (
      <div class="message loading" role="status" aria-busy="true">
        <span class="spinner" aria-hidden="true" />
        <p>{t('popupLoading')}</p>
      </div>
    );
  }
  if (state.kind === 'error') return <Message text={state.message} action={{ label: t('stateRetry'), run: retry }} />;
  const view = state.view;
  switch (view.status) {
    case 'not-article':
      return (
        <>
          <StateTitle text={t('stateNotArticleTitle')} />
          <Message text={t('stateNotArticle')} hint={t('stateNotArticleHint')} />
        </>
      );
    case 'index-empty':
      return (
        <>
          <StateTitle text={t('stateIndexEmptyTitle')} />
          {view.outlet ? <OutletCard outlet={view.outlet} /> : null}
          <Message text={t('stateIndexEmpty')} action={{ label: t('stateIndexEmptyAction'), run: () => void openOptions() }} />
          <NoFeedsPrompt />
        </>
      );
    case 'no-coverage':
      return (
        <>
          <StateTitle text={view.unlinked ? t('stateUnlinkedTitle') : t('stateNoCoverageTitle')} />
          {view.outlet ? <OutletCard outlet={view.outlet} /> : null}
          <Message text={view.unlinked ? t('stateUnlinked') : t('stateNoCoverage')} hint={t('stateNoCoverageHint')} />
          <NoFeedsPrompt />
        </>
      );
    case 'matched':
      return (
        <>
          <section class="story" aria-labelledby="story-title">
            <h1 id="story-title" dir="auto" data-testid="story-headline">
              {view.story.headline}
            </h1>
            <p class="muted small">
              {t('storySources', view.story.sources)}
              {view.story.originals < view.story.sources
                ? ` · ${view.story.originals === 1 ? t('storyOriginalsOne') : t('storyOriginals', view.story.originals)}`
                : ''}
              {view.first ? ` · ${t('storyBroke', view.first.outletName, dateTime(view.first.published))}` : ''}
            </p>
            <CountriesLine countries={view.countries} />
            <a class="open-story" href={storyPageUrl(view.story.id)} target="_blank" rel="noopener" data-testid="open-full-story">
              {t('openFullStory')}
            </a>
          </section>
          <DistributionBar distribution={view.distribution} />
          <BlindspotNote blindspot={view.blindspot} />
          {view.outlet ? <OutletCard outlet={view.outlet} /> : null}
          <CoverageList items={view.coverage} firstScreen={firstScreenOnly ? FIRST_SCREEN_ARTICLES : undefined} />
          {firstScreenOnly ? null : (
            <>
              <Timeline items={view.coverage} />
              <WhyThisMatch
                terms={view.terms}
                onWrongStory={async () => {
                  const page = state.page;
                  if (!page) return;
                  await ask({ type: 'story/unlink', pageUrl: page.pageUrl, detection: page.detection, storyId: view.story.id });
                  reload();
                }}
              />
            </>
          )}
        </>
      );
  }
}

function CountriesLine({ countries }: { countries: CountryShares | undefined }) {
  // A view kept by an earlier build of the worker has no countries.
  const line = countries ? countriesLine(countries) : null;
  return line ? (
    <p class="muted small" data-testid="countries">
      {line}
    </p>
  ) : null;
}
