/**
 * Lists of stories (the stories page, related stories): each row the headline linking to the story's page,
 * a small Left / Center / Right bar, sources, original reports, blindspot and last report.
 *
 * The rows are built with DOM calls rather than through Preact's virtual DOM: the stories page draws a
 * thousand (all of them in the page, for scrolling and find-in-page), and there Preact took about three
 * times as long as the rows' own DOM work. Texts are set as text, never as markup.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { SIDES } from '../../core/coverage';
import type { StoryDigest } from '../../core/story-page';
import { dateTime } from '../format';
import { keptTexts, type t } from '../i18n';
import { SIDE_MESSAGE } from '../lean';
import { storyPageUrl } from '../story-links';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The bar: one element, its parts painted by a gradient whose stops are the running percentages
 * (story.css), its numbers in its accessible name.
 */
function sideBar(story: StoryDigest, text: typeof t): HTMLElement {
  const { counts, percent } = story;
  const label = SIDES.map((side) => text('distributionSide', text(SIDE_MESSAGE[side]), counts[side], percent[side])).join(', ');
  const bar = element('span', 'mini-bar');
  bar.setAttribute('role', 'img');
  bar.setAttribute('aria-label', label);
  bar.title = label;
  const center = percent.L + percent.C;
  bar.style.cssText = `--to-left:${percent.L}%;--to-center:${center}%;--to-right:${center + percent.R}%`;
  return bar;
}

/** One story's row; `text` is t, kept per list. */
export function storyRow(story: StoryDigest, text: typeof t): HTMLLIElement {
  const row = element('li', 'story-card');
  row.dataset.testid = 'story-card';
  const title = element('a', 'story-card-title', story.headline);
  title.href = storyPageUrl(story.id);
  title.dir = 'auto';
  const meta = element('div', 'story-card-meta muted small');
  meta.append(sideBar(story, text), element('span', '', text('storySources', story.sources)));
  if (story.originals < story.sources) meta.append(element('span', '', text('storyOriginals', story.originals)));
  if (story.blindspot)
    meta.append(element('span', 'chip blindspot-chip', text('storiesBlindspotChip', text(SIDE_MESSAGE[story.blindspot]))));
  const time = element('time', '', dateTime(story.lastAt));
  time.dateTime = new Date(story.lastAt).toISOString();
  meta.append(time);
  row.append(title, meta);
  return row;
}

/** Runs `then` in a task after the browser's next paint (a frame's callback runs before its paint). */
export function afterNextPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(then, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * The stories as a list, redrawn when `stories` changes. The first `firstRows` rows are drawn before the
 * browser paints (a screen's worth: the list shows without waiting for the rest); the others in a task
 * after that paint, and then `onAllDrawn` is called.
 */
export function StoryRows({
  stories,
  testId,
  firstRows = Number.POSITIVE_INFINITY,
  onAllDrawn,
}: {
  stories: readonly StoryDigest[];
  testId?: string;
  firstRows?: number;
  onAllDrawn?: () => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => {
    const ul = list.current;
    if (!ul) return;
    const text = keptTexts();
    ul.replaceChildren(...stories.slice(0, firstRows).map((story) => storyRow(story, text)));
    if (stories.length <= firstRows) {
      onAllDrawn?.();
      return;
    }
    return afterNextPaint(() => {
      ul.append(...stories.slice(firstRows).map((story) => storyRow(story, text)));
      onAllDrawn?.();
    });
  }, [stories]);
  return <ul class="story-list" data-testid={testId} ref={list} />;
}
