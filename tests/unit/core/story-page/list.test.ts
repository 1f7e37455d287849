/** The stories page's list: most sources first, filters for blindspots, a side and words. */
import { describe, expect, it } from 'vitest';
import { byCoverage, digestStory, filterStories, NO_FILTER, type StoryDigest } from '../../../../src/core/story-page';
import type { LeanSide } from '../../../../src/core/types';
import { coverage } from '../../support/coverage-item';

function story(id: string, headline: string, sides: (LeanSide | null)[], minutes = 0): StoryDigest {
  return digestStory(
    id,
    sides.map((side, i) =>
      coverage(`${id}-${i}`, `${headline} ${i === 0 ? '' : `report ${i}`}`.trim(), { outlet: `${id}-${i}`, side, minutes: minutes + i }),
    ),
  )!;
}

const STORIES = [
  story('small', 'Café opens in Tōkyō', ['L', 'C']),
  story('rightward', 'Border bill advances', ['R', 'R', 'R', 'R', 'C', 'R', 'C']),
  story('even', 'Storm hits the coast', ['L', 'C', 'R', 'L', 'C', 'R', 'L', 'C']),
].sort(byCoverage);

describe('stories list', () => {
  it('orders by number of sources, then the most recent', () => {
    expect(STORIES.map((s) => s.id)).toEqual(['even', 'rightward', 'small']);
    const a = story('a', 'Same size', ['L'], 0);
    const b = story('b', 'Same size too', ['L'], 60);
    expect([a, b].sort(byCoverage).map((s) => s.id)).toEqual(['b', 'a']);
  });

  it('filters blindspots, a side, and words regardless of case and accents', () => {
    expect(filterStories(STORIES, NO_FILTER)).toHaveLength(3);
    expect(filterStories(STORIES, { ...NO_FILTER, blindspots: true }).map((s) => s.id)).toEqual(['rightward']);
    expect(filterStories(STORIES, { ...NO_FILTER, side: 'R' }).map((s) => s.id)).toEqual(['rightward']);
    expect(filterStories(STORIES, { ...NO_FILTER, side: 'L' }).map((s) => s.id)).toEqual(['even', 'small']);
    expect(filterStories(STORIES, { ...NO_FILTER, query: 'cafe TOKYO' }).map((s) => s.id)).toEqual(['small']);
    expect(filterStories(STORIES, { ...NO_FILTER, query: 'storm bill' })).toEqual([]);
  });
});
