import { describe, expect, it } from 'vitest';
import { nearestNeighbours, refineByNeighbourVotes, type RefineInput } from '../../../../src/core/story/refine-graph';
import { StoryEngine, clusterInTimeOrder, type EngineArticle } from '../../../../src/core/story/index';
import { tokenize } from '../../../../src/core/text/index';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const T0 = 1_700_000_000_000;

interface Headline {
  title: string;
  published: number;
  label: number;
}

/** RefineInput from headlines: unique tokens, weight 1, IDF over the headlines themselves. */
function inputOf(headlines: readonly Headline[]): RefineInput {
  const vocabulary = new Map<string, number>();
  const terms = headlines.map((headline) =>
    [...new Set(tokenize(headline.title))].map((token) => {
      let id = vocabulary.get(token);
      if (id === undefined) vocabulary.set(token, (id = vocabulary.size));
      return id;
    }),
  );
  const df = new Float64Array(vocabulary.size);
  for (const ids of terms) for (const id of ids) df[id]++;
  const termOffsets = new Uint32Array(headlines.length + 1);
  terms.forEach((ids, i) => {
    termOffsets[i + 1] = termOffsets[i] + ids.length;
  });
  return {
    published: Float64Array.from(headlines, (headline) => headline.published),
    termOffsets,
    termIds: Uint32Array.from(terms.flat()),
    termWeights: new Float32Array(termOffsets[headlines.length]).fill(1),
    idf: df.map((n) => Math.log((headlines.length + 1) / n)),
    publisher: new Int32Array(headlines.length).fill(-1),
    initial: Int32Array.from(headlines, (headline) => headline.label),
  };
}

const FILLER: Headline[] = [
  'Parliament debates farm subsidies',
  'Museum reopens after long renovation',
  'Storm warning issued for the coast',
  'Chess final ends in a draw',
  'Local team wins the cup final',
  'Central bank holds interest rates',
].map((title, i) => ({ title, published: T0 + i * HOUR, label: 100 + i }));

describe('nearestNeighbours', () => {
  it('links similar headlines within one story period and never across a longer gap', () => {
    const input = inputOf([
      { title: 'Acme recalls scooters over battery fires', published: T0, label: 0 },
      { title: 'Acme scooter recall over battery fires widens', published: T0 + 2 * HOUR, label: 1 },
      { title: 'Acme recalls scooters over battery fires again', published: T0 + 3 * DAY, label: 2 },
      ...FILLER,
    ]);
    const graph = nearestNeighbours(input, 3, 0.1, 36 * HOUR);
    const neighboursOf = (i: number): number[] => Array.from(graph.index.subarray(i * 3, i * 3 + graph.count[i]));
    expect(neighboursOf(0)).toContain(1);
    expect(neighboursOf(1)).toContain(0);
    // Three days later: the same words, but another occasion.
    expect(neighboursOf(2)).not.toContain(0);
    expect(neighboursOf(0)).not.toContain(2);
  });
});

describe('refineByNeighbourVotes', () => {
  // One event worded two ways, with headlines that use both wordings.
  const RECALL = [
    'Acme recalls electric scooters over battery fires',
    'Acme scooter recall: battery fire risk',
    'Battery fires prompt Acme scooter recall',
  ];
  const BRIDGE = [
    'Acme shares drop on scooter recall over battery fires',
    'Acme scooter recall over battery fires hits shares',
    'Acme shares slide after scooter battery fire recall',
  ];
  const REACTION = ['Acme shares drop on recall', 'Acme shares slide as investors fret', 'Acme shares drop, investors fret'];

  function fragmented(): Headline[] {
    return [
      ...RECALL.map((title, i) => ({ title, published: T0 + i * HOUR, label: 0 })),
      // The bridging headlines each started a story of their own online.
      ...BRIDGE.map((title, i) => ({ title, published: T0 + (4 + i) * HOUR, label: 10 + i })),
      ...REACTION.map((title, i) => ({ title, published: T0 + (8 + i) * HOUR, label: 1 })),
      ...FILLER,
    ];
  }

  it('joins headlines whose neighbours sit in another story (fragments linked through intermediate headlines)', () => {
    const headlines = fragmented();
    const labels = refineByNeighbourVotes(inputOf(headlines));
    const bridge = headlines.findIndex((h) => h.title === BRIDGE[0]);
    // Every bridging headline joins one of the two wordings' stories instead of standing alone.
    for (let i = bridge; i < bridge + BRIDGE.length; i++) expect([0, 1]).toContain(labels[i]);
    // The fragments it links end up as one story.
    const recall = headlines.findIndex((h) => h.title === RECALL[0]);
    const reaction = headlines.findIndex((h) => h.title === REACTION[0]);
    expect(labels[reaction]).toBe(labels[recall]);
    // Unrelated headlines keep their own stories.
    const fillerStart = headlines.length - FILLER.length;
    for (let i = fillerStart; i < headlines.length; i++) expect(labels[i]).toBe(headlines[i].label);
  });

  it('keeps two stories with the same words apart when they are days apart', () => {
    const headlines: Headline[] = [
      ...RECALL.map((title, i) => ({ title, published: T0 + i * HOUR, label: 0 })),
      ...RECALL.map((title, i) => ({ title: `${title} again`, published: T0 + 3 * DAY + i * HOUR, label: 1 })),
      { title: 'Acme scooter battery fires recall', published: T0 + 4 * DAY, label: 2 },
      ...FILLER,
    ];
    const labels = refineByNeighbourVotes(inputOf(headlines));
    for (let i = 0; i < 3; i++) expect(labels[i]).toBe(0);
    for (let i = 3; i < 7; i++) expect(labels[i]).toBe(1);
  });

  it('is deterministic, returns only labels it was given, and leaves an empty batch alone', () => {
    const input = inputOf(fragmented());
    const first = refineByNeighbourVotes(input);
    expect(refineByNeighbourVotes(input)).toEqual(first);
    const given = new Set(input.initial);
    for (const label of first) expect(given.has(label)).toBe(true);
    expect(refineByNeighbourVotes(inputOf([]))).toEqual(new Int32Array(0));
  });
});

describe('StoryEngine.settle with the graph refinement', () => {
  const RECALL = [
    'Acme recalls electric scooters over battery fires',
    'Acme scooter recall: battery fire risk',
    'Battery fires prompt Acme scooter recall',
  ];
  const BRIDGE = [
    'Acme shares drop on scooter recall over battery fires',
    'Acme scooter recall over battery fires hits shares',
    'Acme shares slide after scooter battery fire recall',
  ];
  const REACTION = ['Acme shares drop on recall', 'Acme shares slide as investors fret', 'Acme shares drop, investors fret'];
  const batch: EngineArticle[] = [
    ...FILLER.map((h, i) => ({ id: `f${i}`, title: h.title, published: h.published })),
    ...RECALL.map((title, i) => ({ id: `a${i}`, title, published: T0 + i * HOUR })),
    ...BRIDGE.map((title, i) => ({ id: `b${i}`, title, published: T0 + (4 + i) * HOUR })),
    ...REACTION.map((title, i) => ({ id: `c${i}`, title, published: T0 + (8 + i) * HOUR })),
  ];
  // A strict join and no story merging online, so that only the refinement can bring the wordings together.
  const strict = { joinThreshold: 0.6, mergeThreshold: 2 };

  it('brings an event worded several ways into one story, and old story ids still resolve', () => {
    const without = clusterInTimeOrder(batch, { ...strict, refineNeighbours: 0 });
    expect(without.storyOf('c0')).not.toBe(without.storyOf('a0'));
    const engine = clusterInTimeOrder(batch, { ...strict, refineNeighbours: 10 });
    const story = engine.storyOf('a0');
    for (const id of ['a1', 'a2', 'b0', 'b1', 'b2', 'c0', 'c1', 'c2']) expect(engine.storyOf(id), id).toBe(story);
    expect(engine.storyOf('f0')).not.toBe(story);
    expect(engine.size().stories).toBeLessThan(without.size().stories);
    // Every story id handed out before the refinement still leads to its article's story.
    for (const article of batch) expect(engine.members(without.storyOf(article.id) ?? '')).toContain(article.id);
  });

  it('survives a snapshot round trip unchanged', () => {
    const engine = clusterInTimeOrder(batch, { ...strict, refineNeighbours: 10 });
    const restored = StoryEngine.fromSnapshot(structuredClone(engine.toSnapshot()));
    const query = { id: 'q', title: 'Acme scooter owners angry about battery recall', published: T0 + 10 * HOUR };
    expect(restored.match(query)).toEqual(engine.match(query));
    for (const article of batch) expect(restored.storyOf(article.id)).toBe(engine.storyOf(article.id));
  });
});

describe('StoryEngine.refineStories on an online index', () => {
  const RECALL = [
    'Acme recalls electric scooters over battery fires',
    'Acme scooter recall: battery fire risk',
    'Battery fires prompt Acme scooter recall',
  ];
  const BRIDGE = [
    'Acme shares drop on scooter recall over battery fires',
    'Acme scooter recall over battery fires hits shares',
    'Acme shares slide after scooter battery fire recall',
  ];
  const REACTION = ['Acme shares drop on recall', 'Acme shares slide as investors fret', 'Acme shares drop, investors fret'];

  it('joins the fragments without ending any story: later coverage still joins the story', () => {
    const engine = new StoryEngine({ joinThreshold: 0.6, mergeThreshold: 2 });
    FILLER.forEach((h, i) => {
      engine.add({ id: `f${i}`, title: h.title, published: h.published });
    });
    RECALL.forEach((title, i) => {
      engine.add({ id: `a${i}`, title, published: T0 + i * HOUR });
    });
    BRIDGE.forEach((title, i) => {
      engine.add({ id: `b${i}`, title, published: T0 + (4 + i) * HOUR });
    });
    REACTION.forEach((title, i) => {
      engine.add({ id: `c${i}`, title, published: T0 + (8 + i) * HOUR });
    });
    expect(engine.storyOf('c0')).not.toBe(engine.storyOf('a0'));
    engine.refineStories();
    expect(engine.storyOf('c0')).toBe(engine.storyOf('a0'));
    // The story is still open: a near-copy of one of its headlines an hour later joins it.
    const later = engine.add({ id: 'late', title: 'Acme recalls electric scooters over battery fires', published: T0 + 12 * HOUR });
    expect(later).toBe(engine.storyOf('a0'));
    // The read path sees the refined stories, before and after a snapshot round trip.
    const query = { id: 'q', title: 'Acme shares drop on scooter recall', published: T0 + 13 * HOUR };
    expect(engine.match(query)?.storyId).toBe(engine.storyOf('a0'));
    expect(StoryEngine.fromSnapshot(structuredClone(engine.toSnapshot())).match(query)).toEqual(engine.match(query));
  });
});
