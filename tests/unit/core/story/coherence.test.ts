import { describe, expect, it } from 'vitest';
import { splitIncoherentStories } from '../../../../src/core/story/coherence';
import { nearestNeighbours, type RefineInput } from '../../../../src/core/story/refine-graph';
import { tokenize } from '../../../../src/core/text/index';

const HOUR = 3600_000;
const T0 = 1_700_000_000_000;

function inputOf(titles: readonly string[], labels: readonly number[]): RefineInput {
  const vocabulary = new Map<string, number>();
  const terms = titles.map((title) =>
    [...new Set(tokenize(title))].map((token) => {
      let id = vocabulary.get(token);
      if (id === undefined) vocabulary.set(token, (id = vocabulary.size));
      return id;
    }),
  );
  const termOffsets = new Uint32Array(titles.length + 1);
  terms.forEach((ids, i) => {
    termOffsets[i + 1] = termOffsets[i] + ids.length;
  });
  return {
    published: Float64Array.from(titles, (_, i) => T0 + i * HOUR),
    termOffsets,
    termIds: Uint32Array.from(terms.flat()),
    termWeights: new Float32Array(termOffsets[titles.length]).fill(1),
    idf: new Float64Array(vocabulary.size).fill(1),
    publisher: new Int32Array(titles.length).fill(-1),
    initial: Int32Array.from(labels),
  };
}

// Two events that share only the company's name, filed as one story (label 0).
const BAN = [
  'Turkey blocks Twitter ahead of local elections',
  'Turkey Twitter ban condemned by Europe',
  'Twitter users in Turkey dodge the ban',
  'Erdogan defends Twitter ban in Turkey',
  'Turkey court lifts Twitter ban',
];
const BIRTHDAY = [
  'Twitter turns eight and shows your first tweet',
  'Find your first tweet as Twitter turns eight',
  'Twitter at eight: first tweet tool goes live',
  'Twitter eighth birthday brings first tweet search',
];

describe('splitIncoherentStories', () => {
  it('splits a story held together only by its most common word', () => {
    const titles = [...BAN, ...BIRTHDAY];
    const input = inputOf(
      titles,
      titles.map(() => 0),
    );
    const graph = nearestNeighbours(input, 4, 0.1, 36 * HOUR);
    const { labels, created } = splitIncoherentStories(input, input.initial, graph, 1, { minStory: 6, minPart: 3 });
    expect(created).toBe(1);
    // The larger event keeps the story; the other gets the new label.
    expect([...labels.slice(0, BAN.length)]).toEqual(BAN.map(() => 0));
    expect([...labels.slice(BAN.length)]).toEqual(BIRTHDAY.map(() => 1));
  });

  it('leaves a coherent story whole, and small parts where they are', () => {
    const titles = [...BAN, 'Twitter shares rise'];
    const input = inputOf(
      titles,
      titles.map(() => 0),
    );
    const graph = nearestNeighbours(input, 4, 0.1, 36 * HOUR);
    const { labels, created } = splitIncoherentStories(input, input.initial, graph, 1, { minStory: 4, minPart: 2 });
    expect(created).toBe(0);
    expect([...labels]).toEqual(titles.map(() => 0));
  });

  it('leaves stories below the minimum size whole', () => {
    const titles = [...BAN.slice(0, 3), ...BIRTHDAY.slice(0, 3)];
    const input = inputOf(
      titles,
      titles.map(() => 0),
    );
    const graph = nearestNeighbours(input, 4, 0.1, 36 * HOUR);
    expect(splitIncoherentStories(input, input.initial, graph, 1, { minStory: 8 }).created).toBe(0);
  });
});
