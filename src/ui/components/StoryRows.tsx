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
import { afterNextPaint } from '../after-paint';
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

/** A list's texts, each made once per value: counts and bars repeat from row to row of a long list. */
interface RowTexts {
  text: typeof t;
  bar(story: StoryDigest): string;
  sources(n: number): string;
  originals(n: number): string;
}

function once<K>(make: (key: K) => string): (key: K) => string {
  const made = new Map<K, string>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}

function rowTexts(text: typeof t = keptTexts()): RowTexts {
  const bars = new Map<string, string>();
  return {
    text,
    bar: ({ counts, percent }) => {
      const key = `${counts.L} ${counts.C} ${counts.R} ${percent.L} ${percent.C} ${percent.R}`;
      let label = bars.get(key);
      if (label === undefined) {
        label = SIDES.map((side) => text('distributionSide', text(SIDE_MESSAGE[side]), counts[side], percent[side])).join(', ');
        bars.set(key, label);
      }
      return label;
    },
    sources: once((n) => text('storySources', n)),
    originals: once((n) => text('storyOriginals', n)),
  };
}

/**
 * The bar: one element, its parts painted by a gradient whose stops are the running percentages
 * (story.css), its numbers in its accessible name.
 */
function sideBar(story: StoryDigest, texts: RowTexts): HTMLElement {
  const { percent } = story;
  const label = texts.bar(story);
  const bar = element('span', 'mini-bar');
  bar.setAttribute('role', 'img');
  bar.setAttribute('aria-label', label);
  bar.title = label;
  const center = percent.L + percent.C;
  bar.style.cssText = `--to-left:${percent.L}%;--to-center:${center}%;--to-right:${center + percent.R}%`;
  return bar;
}

/** One story's row; `texts` are kept per list. */
export function storyRow(story: StoryDigest, texts: RowTexts): HTMLLIElement {
  const { text } = texts;
  const row = element('li', 'story-card');
  row.dataset.testid = 'story-card';
  const title = element('a', 'story-card-title', story.headline);
  title.href = storyPageUrl(story.id);
  title.dir = 'auto';
  const meta = element('div', 'story-card-meta muted small');
  meta.append(sideBar(story, texts), element('span', '', texts.sources(story.sources)));
  if (story.originals < story.sources) meta.append(element('span', '', texts.originals(story.originals)));
  if (story.blindspot)
    meta.append(element('span', 'chip blindspot-chip', text('storiesBlindspotChip', text(SIDE_MESSAGE[story.blindspot]))));
  const time = element('time', '', dateTime(story.lastAt));
  time.dateTime = new Date(story.lastAt).toISOString();
  meta.append(time);
  row.append(title, meta);
  return row;
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
    const texts = rowTexts();
    ul.replaceChildren(...stories.slice(0, firstRows).map((story) => storyRow(story, texts)));
    if (stories.length <= firstRows) {
      onAllDrawn?.();
      return;
    }
    return afterNextPaint(() => {
      ul.append(...stories.slice(firstRows).map((story) => storyRow(story, texts)));
      onAllDrawn?.();
    });
  }, [stories]);
  return <ul class="story-list" data-testid={testId} ref={list} />;
}
