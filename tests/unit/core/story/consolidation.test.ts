import { describe, expect, it } from 'vitest';
import { StoryEngine, clusterInTimeOrder, type EngineArticle } from '../../../../src/core/story/index';
import { cosineModel } from '../../support/decision-model';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const T0 = 1_700_000_000_000;

const FILLER = [
  'Parliament debates farm subsidies',
  'Museum reopens after renovation',
  'Storm warning for the coast',
  'Chess final ends in draw',
  'Local team wins cup final',
];
/** One event reported two ways: the product recall itself, and the market's reaction to it. */
const RECALL = [
  'Acme recalls electric scooters over battery fires',
  'Acme scooter recall: battery fire risk',
  'Battery fires prompt Acme scooter recall',
];
const REACTION = [
  'Acme shares drop on scooter recall',
  'Acme shares drop after scooter recall',
  'Acme shares tumble as scooter recall widens',
];

function articles(titles: readonly string[], prefix: string, start: number): EngineArticle[] {
  return titles.map((title, i) => ({ id: `${prefix}${i}`, title, published: start + i * HOUR }));
}

/**
 * Decisions on the cosine alone: a strict join (0.5) keeps the two wordings of the event apart while they
 * arrive; their centroids agree enough (0.2) to merge.
 */
const FRAGMENTS = cosineModel({ join: 0.5, merge: 0.2 });

function fragmentedEngine(extra: readonly EngineArticle[] = []): StoryEngine {
  const engine = new StoryEngine({}, FRAGMENTS);
  FILLER.forEach((title, i) => {
    engine.add({ id: `f${i}`, title, published: T0 + i });
  });
  for (const article of [...articles(RECALL, 'a', T0 + HOUR), ...articles(REACTION, 'b', T0 + 5 * HOUR), ...extra]) engine.add(article);
  return engine;
}

describe('StoryEngine consolidation of fragments', () => {
  it('merges two fragments of one event once its coverage period is over (settle)', () => {
    const engine = fragmentedEngine();
    expect(engine.storyOf('b0')).not.toBe(engine.storyOf('a0'));
    const storiesBefore = engine.size().stories;
    engine.settle();
    const story = engine.storyOf('a0');
    for (const id of ['a1', 'a2', 'b0', 'b1', 'b2']) expect(engine.storyOf(id), id).toBe(story);
    expect(engine.size().stories).toBe(storiesBefore - 1);
    // Unrelated stories stay apart.
    expect(engine.storyOf('f0')).not.toBe(story);
  });

  it('merges online as time moves past the period, and the old id still resolves', () => {
    const engine = fragmentedEngine();
    const reactionId = engine.storyOf('b0') ?? '';
    engine.add({ id: 'later', title: 'Storm warning lifted', published: T0 + 3 * DAY });
    expect(engine.storyOf('b0')).toBe(engine.storyOf('a0'));
    expect(engine.members(reactionId).sort()).toEqual(['a0', 'a1', 'a2', 'b0', 'b1', 'b2']);
  });

  it('answers the id a story goes by after a merge, and nothing for an unknown story', () => {
    const engine = fragmentedEngine();
    const reactionId = engine.storyOf('b0') ?? '';
    const recallId = engine.storyOf('a0') ?? '';
    expect(engine.currentStoryId(reactionId)).toBe(reactionId);
    engine.settle();
    const merged = engine.storyOf('a0');
    expect([recallId, reactionId]).toContain(merged);
    expect(engine.currentStoryId(reactionId)).toBe(merged);
    expect(engine.currentStoryId(recallId)).toBe(merged);
    expect(engine.currentStoryId('no-such-story')).toBeUndefined();
  });

  it('does not merge the same topic on another occasion (the union would exceed one coverage period)', () => {
    const again = articles(
      [
        'Acme recalls scooters again over battery fires',
        'New Acme scooter recall over battery fires',
        'Acme battery fires force second scooter recall',
      ],
      'c',
      T0 + 4 * DAY,
    );
    const engine = fragmentedEngine(again);
    engine.settle();
    expect(engine.storyOf('c0')).not.toBe(engine.storyOf('a0'));
    expect(engine.storyOf('c1')).toBe(engine.storyOf('c0'));
  });

  it('settles a batch: clusterInTimeOrder returns the consolidated stories', () => {
    const batch = [
      ...FILLER.map((title, i) => ({ id: `f${i}`, title, published: T0 + i })),
      ...articles(RECALL, 'a', T0 + HOUR),
      ...articles(REACTION, 'b', T0 + 5 * HOUR),
    ];
    const engine = clusterInTimeOrder(batch, {}, FRAGMENTS);
    expect(engine.storyOf('b2')).toBe(engine.storyOf('a0'));
  });

  it('restores a snapshot whose options lack one added later, with its default', () => {
    const engine = fragmentedEngine();
    engine.settle();
    const snapshot = engine.toSnapshot();
    const { centroidSaturation, ...olderOptions } = snapshot.options;
    expect(centroidSaturation).toBe(1);
    const restored = StoryEngine.fromSnapshot({ ...snapshot, options: { ...olderOptions } as typeof snapshot.options }, FRAGMENTS);
    const query = { id: 'q', title: 'Acme scooter owners angry about recall', published: T0 + 10 * HOUR };
    expect(restored.match(query)).toEqual(engine.match(query));
  });

  it('keeps a merged index identical through a snapshot round trip', () => {
    const engine = fragmentedEngine();
    engine.settle();
    const restored = StoryEngine.fromSnapshot(structuredClone(engine.toSnapshot()), FRAGMENTS);
    const query = { id: 'q', title: 'Acme scooter owners angry about recall', published: T0 + 10 * HOUR };
    expect(restored.match(query)).toEqual(engine.match(query));
  });
});

describe('StoryEngine joining', () => {
  it('does not join a story on a single shared word', () => {
    const engine = new StoryEngine();
    const story = engine.add({ id: 'a', title: 'Acme recalls electric scooters over battery fires', published: T0 });
    expect(engine.add({ id: 'b', title: 'Acme opens new headquarters', published: T0 + HOUR })).not.toBe(story);
    expect(engine.add({ id: 'c', title: 'Acme scooter battery fires spread', published: T0 + 2 * HOUR })).toBe(story);
  });
});

describe('StoryEngine matching', () => {
  it('answers null on a single shared word, and names the story on its characteristic words', () => {
    const engine = clusterInTimeOrder([...articles(RECALL, 'a', T0 + HOUR), ...articles(REACTION, 'b', T0 + 5 * HOUR)]);
    expect(engine.match({ id: 'q1', title: 'Acme opens new headquarters', published: T0 + 10 * HOUR })).toBeNull();
    const hit = engine.match({ id: 'q2', title: 'Acme scooter owners angry about battery fires', published: T0 + 10 * HOUR });
    expect(hit?.storyId).toBe(engine.storyOf('a0'));
    expect(hit?.terms).toEqual(expect.arrayContaining(['Acme', 'scooter']));
    // The score is the match model's probability, at or above the threshold it answered at.
    expect(hit?.score).toBeGreaterThanOrEqual(0.5);
    expect(hit?.score).toBeLessThanOrEqual(1);
  });
});
