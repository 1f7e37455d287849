import { useEffect, useRef, useState } from 'preact/hooks';
import { reportItems, type StoryPage as StoryPageData } from '../../core/story-page';
import { ask } from '../../messaging/client';
import type { StoryPageReply } from '../../messaging/protocol-stories';
import { BlindspotNote } from '../components/BlindspotNote';
import { PageTop } from '../components/PageTop';
import { countriesLine, countryName } from '../components/countries';
import { dateTime } from '../format';
import { t } from '../i18n';
import { DistributionBar } from '../popup/DistributionBar';
import { Timeline } from '../popup/Timeline';
import { storiesPageUrl } from '../story-links';
import { applyTheme } from '../theme';
import { PAGE_ANSWER_TIMEOUT_MS, workerErrorText } from '../worker-error';
import { OutletCards } from './OutletCards';
import { RelatedStories } from './RelatedStories';
import { ReportColumns } from './ReportColumns';
import { SummarySection } from './SummarySection';

/** User Timing mark of the first screen drawn, read by the browser benchmark. */
export const STORY_PAGE_MARK = 'parallax:story-page-drawn';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'missing' } | { kind: 'found'; page: StoryPageData };

/** The story's page, asked of the worker. */
export function requestStoryPage(storyId: string): Promise<StoryPageReply> {
  return ask({ type: 'story/page', storyId }, { timeoutMs: PAGE_ANSWER_TIMEOUT_MS });
}

/**
 * The full story page: everything about one story, laid out for a wide screen, stacked on a narrow one.
 * `first`: `storyId`'s page, asked for by the page's script before anything is drawn.
 */
export function StoryPage({ storyId, first }: { storyId: string | null; first?: Promise<StoryPageReply> }) {
  const [state, setState] = useState<State>(storyId ? { kind: 'loading' } : { kind: 'missing' });
  const [deviceSummary, setDeviceSummary] = useState(false);
  const early = useRef(first);
  const load = () => {
    if (!storyId) return;
    setState({ kind: 'loading' });
    // The early answer serves the first load only: "try again" and another story ask afresh.
    const asked = early.current ?? requestStoryPage(storyId);
    early.current = undefined;
    asked.then(
      (reply) => setState(reply.status === 'found' ? { kind: 'found', page: reply.page } : { kind: 'missing' }),
      (error: unknown) => setState({ kind: 'error', message: workerErrorText(error) }),
    );
  };
  useEffect(() => {
    load();
    // The theme stored with the preferences wins over the copy this page started with.
    ask({ type: 'prefs/get' }).then(
      (prefs) => {
        applyTheme(prefs.theme);
        setDeviceSummary(prefs.deviceSummary);
      },
      () => undefined,
    );
  }, [storyId]);
  useEffect(() => {
    if (state.kind === 'found') {
      document.title = `${state.page.headline} · Parallax`;
      if (performance.getEntriesByName(STORY_PAGE_MARK).length === 0) performance.mark(STORY_PAGE_MARK);
    }
  }, [state]);

  return (
    <div class="story-page" data-state={state.kind}>
      <PageTop title="Parallax">
        <a href={storiesPageUrl()}>{t('openStories')}</a>
      </PageTop>
      <main class="page-main">{body(state, load, deviceSummary)}</main>
    </div>
  );
}

function body(state: State, retry: () => void, deviceSummary: boolean) {
  switch (state.kind) {
    case 'loading':
      return (
        <div class="message loading" role="status" aria-busy="true">
          <span class="spinner" aria-hidden="true" />
          <p>{t('storyLoading')}</p>
        </div>
      );
    case 'error':
      return (
        <div class="message" role="status" data-testid="page-message">
          <p>{state.message}</p>
          <button type="button" class="button" onClick={retry}>
            {t('stateRetry')}
          </button>
        </div>
      );
    case 'missing':
      return (
        <div class="message" role="status" data-testid="page-message">
          <p>{t('storyMissing')}</p>
          <p class="muted">{t('storyMissingHint')}</p>
          <a class="button" href={storiesPageUrl()}>
            {t('openStories')}
          </a>
        </div>
      );
    case 'found':
      return <FoundStory page={state.page} deviceSummary={deviceSummary} />;
  }
}

/** False for the first frame, true from the next: what is below the first screen waits for it. */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  return painted;
}

function FoundStory({ page, deviceSummary }: { page: StoryPageData; deviceSummary: boolean }) {
  const countries = countriesLine(page.countries);
  const first = page.first;
  // A card per outlet is most of a big story's page (1,700 of 2,300 elements for 250 outlets), always
  // below the first screen: drawn in the next frame, under the rest, so nothing above it moves.
  const painted = useAfterFirstPaint();
  return (
    <>
      <section class="story-head" aria-labelledby="story-title">
        <h1 id="story-title" dir="auto" data-testid="story-headline">
          {page.headline}
        </h1>
        <p class="muted">
          {t('storySources', page.sources)} · {page.originals === 1 ? t('storyOriginalsOne') : t('storyOriginals', page.originals)}
          {first
            ? ` · ${first.country ? t('storyBrokeFrom', first.outletName, countryName(first.country), dateTime(first.published)) : t('storyBroke', first.outletName, dateTime(first.published))}`
            : ''}
        </p>
        {countries ? (
          <p class="muted" data-testid="countries">
            {countries}
          </p>
        ) : null}
      </section>
      <div class="story-grid">
        <div class="story-main">
          <SummarySection sentences={page.summary} descriptions={page.descriptions} offerDevice={deviceSummary} />
          <ReportColumns reports={page.reports} />
          <Timeline items={reportItems(page.reports)} />
        </div>
        <aside class="story-side">
          <DistributionBar distribution={page.distribution} originals={page.originalDistribution} />
          <BlindspotNote blindspot={page.blindspot} />
          <RelatedStories storyId={page.id} />
        </aside>
      </div>
      {painted ? <OutletCards outlets={page.outlets} /> : null}
    </>
  );
}
