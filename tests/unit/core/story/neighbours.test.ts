/**
 * Related stories from the engine's memory: stories of nearby days sharing two or more characteristic
 * terms, strongest first; one shared word, a far-off date or the story itself do not make a relation.
 */
import { describe, expect, it } from 'vitest';
import { StoryEngine } from '../../../../src/core/story';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 2, 8);

/** Articles of one story, an hour apart, from different outlets; the first article's id. */
function story(engine: StoryEngine, key: string, titles: string[], start: number): string {
  titles.forEach((title, i) => {
    engine.add({ id: `https://outlet${i}.example/${key}/${i}`, title, host: `outlet${i}.example`, published: start + i * HOUR });
  });
  return `https://outlet0.example/${key}/0`;
}

/** Other news of the same weeks, so that everyday words are common and names are rare. */
const TOPICS = [
  'budget vote',
  'rail strike',
  'film festival',
  'bank rates',
  'election debate',
  'river flooding',
  'vaccine trial',
  'chess final',
];

function index() {
  const engine = new StoryEngine();
  TOPICS.forEach((topic, t) => {
    for (let day = 0; day < 5; day++) {
      story(
        engine,
        `${t}-${day}`,
        [
          `Officials say ${topic} talks continue on day ${day}`,
          `${topic} news: what officials say today`,
          `Latest on the ${topic} as week goes on`,
        ],
        T0 + day * 7 * DAY + t * HOUR * 5,
      );
    }
  });
  const quake = story(
    engine,
    'quake',
    [
      'Earthquake of magnitude 7.1 strikes off Hokkaido coast',
      'Hokkaido earthquake: magnitude 7.1 quake shakes northern Japan',
      'Strong earthquake hits Hokkaido, tsunami advisory issued',
      'Magnitude 7.1 earthquake near Hokkaido triggers tsunami advisory',
    ],
    T0,
  );
  const aftershocks = story(
    engine,
    'aftershocks',
    [
      'Hokkaido braces for aftershocks after earthquake, power cuts persist',
      'Aftershocks rattle Hokkaido as earthquake recovery begins',
      'Power cuts across Hokkaido two days after earthquake',
    ],
    T0 + 2 * DAY,
  );
  // Shares one word ("earthquake") only.
  const chile = story(
    engine,
    'chile',
    [
      'Chile earthquake drill held in Santiago schools',
      'Santiago schools hold earthquake drill across Chile',
      'Chile runs national earthquake drill',
    ],
    T0 + DAY,
  );
  // Same subject, weeks later.
  const anniversary = story(
    engine,
    'later',
    ['Hokkaido earthquake survivors rebuild a month on', 'A month after the Hokkaido earthquake, survivors rebuild'],
    T0 + 30 * DAY,
  );
  engine.settle();
  const of = (id: string) => engine.storyOf(id)!;
  return { engine, quake: of(quake), aftershocks: of(aftershocks), chile: of(chile), anniversary: of(anniversary) };
}

describe('StoryEngine.related', () => {
  it('finds the story of nearby days that shares its characteristic terms, not one sharing a single word', () => {
    const { engine, quake, aftershocks, chile } = index();
    expect(new Set([quake, aftershocks, chile]).size).toBe(3);
    const related = engine.related(quake, { from: T0 - 3 * DAY, to: T0 + 6 * DAY });
    expect(related).toEqual([aftershocks]);
    expect(related).not.toContain(quake);
  });

  it('leaves out stories outside the window, and knows no relation for a story it does not hold', () => {
    const { engine, quake, anniversary } = index();
    expect(engine.related(quake, { from: T0 - 3 * DAY, to: T0 + 6 * DAY })).not.toContain(anniversary);
    expect(engine.related(quake, { from: T0 - 3 * DAY, to: T0 + 40 * DAY })).toContain(anniversary);
    expect(engine.related('no-such-story', { from: 0, to: T0 + 40 * DAY })).toEqual([]);
  });

  it('answers the same after a snapshot round trip', () => {
    const { engine, quake } = index();
    const restored = StoryEngine.fromSnapshot(engine.toSnapshot());
    const window = { from: T0 - 3 * DAY, to: T0 + 40 * DAY };
    expect(restored.related(quake, window)).toEqual(engine.related(quake, window));
  });
});
