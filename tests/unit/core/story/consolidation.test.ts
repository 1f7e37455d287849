import { describe, expect, it } from 'vitest';
import { StoryEngine, clusterInTimeOrder, type EngineArticle } from '../../../../src/core/story/index';

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

/** An engine whose strict join keeps the two wordings of the event apart while they arrive. */
function fragmentedEngine(extra: readonly EngineArticle[] = []): StoryEngine {
  const engine = new StoryEngine({ joinThreshold: 0.5 });
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
    const engine = clusterInTimeOrder(batch, { joinThreshold: 0.5 });
    expect(engine.storyOf('b2')).toBe(engine.storyOf('a0'));
  });

  it('restores a snapshot saved before the newer options existed, with their defaults', () => {
    const engine = fragmentedEngine();
    engine.settle();
    const snapshot = engine.toSnapshot();
    const { matchCohesionWeight, matchMinSharedTerms, joinMinSharedTerms, centroidSaturation, ...olderOptions } = snapshot.options;
    expect(
      [matchCohesionWeight, matchMinSharedTerms, joinMinSharedTerms, centroidSaturation].every((value) => typeof value === 'number'),
    ).toBe(true);
    const restored = StoryEngine.fromSnapshot({ ...snapshot, options: { ...olderOptions } as typeof snapshot.options });
    const query = { id: 'q', title: 'Acme scooter owners angry about recall', published: T0 + 10 * HOUR };
    expect(restored.match(query)).toEqual(engine.match(query));
  });

  it('keeps a merged index identical through a snapshot round trip', () => {
    const engine = fragmentedEngine();
    engine.settle();
    const restored = StoryEngine.fromSnapshot(structuredClone(engine.toSnapshot()));
    const query = { id: 'q', title: 'Acme scooter owners angry about recall', published: T0 + 10 * HOUR };
    expect(restored.match(query)).toEqual(engine.match(query));
  });
});

describe('StoryEngine joining', () => {
  it('does not join a story on a single shared word', () => {
    for (const [joinMinSharedTerms, joins] of [
      [2, false],
      [1, true],
    ] as const) {
      const engine = new StoryEngine({ joinThreshold: 0.01, joinMinSharedTerms });
      const story = engine.add({ id: 'a', title: 'Acme recalls electric scooters over battery fires', published: T0 });
      const joined = engine.add({ id: 'b', title: 'Acme opens new headquarters', published: T0 + HOUR }) === story;
      expect(joined, `joinMinSharedTerms ${joinMinSharedTerms}`).toBe(joins);
      expect(engine.add({ id: 'c', title: 'Acme scooter battery fires spread', published: T0 + 2 * HOUR })).toBe(story);
    }
  });
});

describe('StoryEngine calibrated matching', () => {
  it('answers null on a single shared word, however close the score', () => {
    const engine = fragmentedEngine();
    engine.settle();
    const lenient = StoryEngine.fromSnapshot({ ...engine.toSnapshot(), options: { ...engine.toSnapshot().options, matchThreshold: 0.01 } });
    expect(lenient.match({ id: 'q1', title: 'Acme opens new headquarters', published: T0 + 10 * HOUR })).toBeNull();
    const hit = lenient.match({ id: 'q2', title: 'Acme scooter owners angry', published: T0 + 10 * HOUR });
    expect(hit?.storyId).toBe(engine.storyOf('a0'));
    expect(hit?.terms).toEqual(expect.arrayContaining(['Acme', 'scooter']));
  });

  it('scores a story worded many ways against its own cohesion, not on plain cosine', () => {
    const engine = fragmentedEngine();
    engine.settle();
    const snapshot = engine.toSnapshot();
    const plain = StoryEngine.fromSnapshot({ ...snapshot, options: { ...snapshot.options, matchCohesionWeight: 0, matchThreshold: 0 } });
    const calibrated = StoryEngine.fromSnapshot({ ...snapshot, options: { ...snapshot.options, matchThreshold: 0 } });
    // More than half a day after the story's headlines (yet within its period): only the centroid scores it.
    const query = { id: 'q', title: 'Acme scooter owners angry', published: T0 + 20 * HOUR };
    const plainScore = plain.match(query)?.score ?? 0;
    const calibratedScore = calibrated.match(query)?.score ?? 0;
    expect(plainScore).toBeGreaterThan(0);
    expect(calibratedScore).toBeGreaterThan(plainScore);
    expect(calibratedScore).toBeLessThanOrEqual(1);
  });

  it('does not calibrate a one-article story (its cohesion is 1)', () => {
    const engine = new StoryEngine({ matchThreshold: 0 });
    engine.add({ id: 'x1', title: 'Wildfire forces evacuation of hill towns', published: T0 });
    const plain = new StoryEngine({ matchThreshold: 0, matchCohesionWeight: 0 });
    plain.add({ id: 'x1', title: 'Wildfire forces evacuation of hill towns', published: T0 });
    const query = { id: 'q', title: 'Hill towns evacuated as wildfire spreads', published: T0 + HOUR };
    expect(engine.match(query)?.score).toBeCloseTo(plain.match(query)?.score ?? -1, 10);
  });
});

describe("StoryEngine matching by the story's nearest headlines", () => {
  // One event covered from many sides: its centroid is far from any one wording of it.
  const SIDES = [
    'Lava reaches the outskirts of town',
    'State of emergency declared on peninsula',
    'Blue Lagoon spa closes its doors',
    'Flights at Keflavik keep running, airport says',
    'Scientists warn unrest could last decades',
    'Earthquake swarm rattles the southwest',
    'Defence walls protect geothermal power plant',
    'Residents fear they may never return home',
    'Magma tunnel forms under fishing harbour',
    'Insurers count the cost of cracked roads',
    'Tourists flock to watch glowing fissure',
    'Farmers move sheep away from gas cloud',
    'Power station staff leave as ground splits',
    'Road to the coast closed by fresh fissure',
    'Sulphur smell reaches the capital',
    'Schools reopen in neighbouring villages',
    'Volunteers help families pack belongings',
    'Drone footage shows lava fountains at night',
  ];
  const QUERY = { id: 'q', title: 'Volcano eruption in Iceland: Grindavik evacuation ordered', published: T0 + 20 * HOUR };

  /**
   * The event's story, with two headlines close to the query's wording published at the given times, and
   * each side told `tellings` times.
   */
  function eruption(closeAt: readonly [number, number], tellings = 1): StoryEngine {
    // Plain cosine against the centroid (no cohesion calibration), so the centroid alone falls short.
    const engine = new StoryEngine({ matchCohesionWeight: 0 });
    for (let i = 0; i < 60; i++) {
      engine.addToLabelledStory(
        { id: `f${i}`, title: `Council ${i} debates budget for item${i} and plan${i % 7}`, published: T0 + (i % 20) * HOUR },
        `f${i}`,
      );
    }
    for (let telling = 0; telling < tellings; telling++) {
      SIDES.forEach((side, i) => {
        engine.addToLabelledStory({ id: `s${telling}-${i}`, title: `${side} in Iceland`, published: T0 + i * HOUR }, 'eruption');
      });
    }
    engine.addToLabelledStory(
      { id: 'c1', title: 'Iceland volcano eruption forces Grindavik evacuation', published: closeAt[0] },
      'eruption',
    );
    engine.addToLabelledStory(
      { id: 'c2', title: 'Grindavik evacuated as Iceland volcano eruption begins', published: closeAt[1] },
      'eruption',
    );
    return engine;
  }

  it('matches an article to the story when two of its headlines of the same half day are close to it', () => {
    const engine = eruption([T0 + 18 * HOUR, T0 + 19 * HOUR]);
    const match = engine.match(QUERY);
    expect(match?.storyId).toBe(engine.storyOf('s0-0'));
    expect(match?.score).toBeGreaterThan(0.5);
  });

  it('does so even where the words they share with the article are too rare in the story to characterise it', () => {
    // 2 of 38 headlines use "volcano", "eruption" and "Grindavik": under a tenth, so the centroid is no guide.
    const engine = eruption([T0 + 18 * HOUR, T0 + 19 * HOUR], 2);
    expect(engine.match(QUERY)?.storyId).toBe(engine.storyOf('s0-0'));
    expect(eruption([T0 + 2 * HOUR, T0 + 3 * HOUR], 2).match(QUERY)).toBeNull();
  });

  it('counts them for less when they are more than half a day away, or only one of them is near', () => {
    const near = eruption([T0 + 18 * HOUR, T0 + 19 * HOUR]).match(QUERY)?.score ?? 0;
    for (const closeAt of [
      [T0 + 2 * HOUR, T0 + 3 * HOUR],
      [T0 + 2 * HOUR, T0 + 19 * HOUR],
    ] as const) {
      // The story's centroid still speaks for it (every one of its headlines names Iceland), with less certainty.
      expect(eruption(closeAt).match(QUERY)?.score ?? 0).toBeLessThan(near - 0.1);
      // Told twice over, the words the article shares are rarer in the story: then no answer.
      expect(eruption(closeAt, 2).match(QUERY)).toBeNull();
    }
  });
});
