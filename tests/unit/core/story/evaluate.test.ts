import { describe, expect, it } from 'vitest';
import {
  bcubedPrecisionLoss,
  holdoutRates,
  holdoutSplit,
  idsByLabel,
  precisionLossBySize,
  scoreClustering,
  storiesWithHeadlineTwins,
  twinStoryPairs,
} from '../../../../src/core/story/index';

describe('scoreClustering', () => {
  it('gives 1 for a perfect clustering, whatever the labels are called', () => {
    const scores = scoreClustering(['x', 'x', 'y'], ['7', '7', '9']);
    expect(scores.pairwise.f1).toBe(1);
    expect(scores.bcubed.f1).toBe(1);
  });

  it('computes pairwise and BCubed figures of a known example', () => {
    // Gold {1,2,3} {4}; predicted {1,2} {3,4}.
    const scores = scoreClustering(['a', 'a', 'a', 'b'], ['p', 'p', 'q', 'q']);
    // Pairs: predicted (1,2),(3,4); gold (1,2),(1,3),(2,3); true (1,2).
    expect(scores.pairwise.precision).toBeCloseTo(1 / 2);
    expect(scores.pairwise.recall).toBeCloseTo(1 / 3);
    // BCubed precision: items 1,2: 1; items 3,4: 1/2 → 0.75. Recall: 1,2: 2/3; 3: 1/3; 4: 1 → 2/3.
    expect(scores.bcubed.precision).toBeCloseTo(0.75);
    expect(scores.bcubed.recall).toBeCloseTo(2 / 3);
    expect(scores.predictedClusters).toBe(2);
    expect(scores.goldClusters).toBe(2);
  });
});

describe('holdoutSplit', () => {
  it('holds out one article of some stories and whole other stories, reproducibly', () => {
    const articles = Array.from({ length: 60 }, (_, i) => ({ id: String(i), story: `s${i % 10}` }));
    const split = holdoutSplit(articles, 4, 3);
    expect(split.heldOutSingles).toHaveLength(4);
    expect(new Set(split.heldOutSingles.map((a) => a.story)).size).toBe(4);
    expect(new Set(split.heldOutWhole.map((a) => a.story)).size).toBe(3);
    expect(split.heldOutWhole).toHaveLength(18);
    expect(split.indexed.length + split.heldOutSingles.length + split.heldOutWhole.length).toBe(60);
    const wholeStories = new Set(split.heldOutWhole.map((a) => a.story));
    expect(split.indexed.some((a) => wholeStories.has(a.story))).toBe(false);
    expect(holdoutSplit(articles, 4, 3)).toEqual(split);
  });
});

describe('storiesWithHeadlineTwins', () => {
  const HOUR = 3600_000;
  it('names the stories whose headline is filed word for word under another story within the window', () => {
    const index = [
      { title: 'Astronomers spot first possible "exomoon" orbiting a distant star', published: 0, story: 'indexed-a' },
      { title: 'Fed holds rates steady as inflation cools again', published: 0, story: 'indexed-b' },
      { title: 'Stocks close higher', published: 0, story: 'indexed-c' },
    ];
    const queries = [
      // Same words, other case and punctuation, aggregator cut mark: a twin.
      { title: "Astronomers spot first possible 'exomoon' orbiting a distant star  ...", published: 10 * HOUR, story: 'withheld-1' },
      // Same headline, but four days later: another event.
      { title: 'Fed holds rates steady as inflation cools again', published: 96 * HOUR, story: 'withheld-2' },
      // Similar but not the same words: not counted.
      { title: 'Fed holds interest rates steady as inflation cools', published: HOUR, story: 'withheld-3' },
      // Too short to tell one event from a recurring headline.
      { title: 'Stocks close higher', published: HOUR, story: 'withheld-4' },
    ];
    expect([...storiesWithHeadlineTwins(queries, index, 36 * HOUR)]).toEqual(['withheld-1']);
  });

  it('does not count a story as its own twin', () => {
    const articles = [
      { title: 'The same six words in both', published: 0, story: 's' },
      { title: 'The same six words in both', published: HOUR, story: 's' },
    ];
    expect(storiesWithHeadlineTwins(articles, articles, 36 * HOUR).size).toBe(0);
  });
});

describe('twinStoryPairs and bcubedPrecisionLoss', () => {
  it('splits the precision lost into twin stories and other stories', () => {
    const HOUR = 3600_000;
    const headline = 'Mulberry chief executive Bruno Guillon steps down';
    const articles = [
      { title: headline, published: 0, story: 'a' },
      { title: headline, published: 5 * HOUR, story: 'b' },
      { title: 'Another headline about something else entirely', published: 0, story: 'c' },
    ];
    const pairs = twinStoryPairs(articles, 36 * HOUR);
    expect([...pairs].sort()).toEqual(['a\u0000b', 'b\u0000a']);
    // One predicted cluster of a, b and c: every item keeps 1/3 and loses 2/3, half to a twin for a and
    // b (1/3 each), none for c.
    const loss = bcubedPrecisionLoss(['a', 'b', 'c'], ['x', 'x', 'x'], pairs);
    expect(loss.toTwins).toBeCloseTo((1 / 3 + 1 / 3) / 3);
    expect(loss.toOthers).toBeCloseTo((1 / 3 + 1 / 3 + 2 / 3) / 3);
    const precision = scoreClustering(['a', 'b', 'c'], ['x', 'x', 'x']).bcubed.precision;
    expect(1 - precision).toBeCloseTo(loss.toTwins + loss.toOthers);
  });
});

describe('precisionLossBySize', () => {
  it('tells the precision lost by the size of the predicted story, summing to the whole loss', () => {
    // A pure single, a pure pair, and a mixed story of 6: four of story a, one each of b (a's twin) and c.
    const gold = ['s', 'p', 'p', 'a', 'a', 'a', 'a', 'b', 'c'];
    const predicted = ['1', '2', '2', '6', '6', '6', '6', '6', '6'];
    const twins = new Set(['a\u0000b', 'b\u0000a']);
    const classes = precisionLossBySize(gold, predicted, twins);
    expect(classes.map((c) => c.sizes)).toEqual(['1', '2-5', '6-20', '21-100', '101-500', '501+']);
    const [single, small, mixed, ...larger] = classes;
    expect(single).toMatchObject({ clusters: 1, articles: 1, precision: 1, lostToTwins: 0, lostToOthers: 0 });
    expect(small).toMatchObject({ clusters: 1, articles: 2, precision: 1, lostToTwins: 0, lostToOthers: 0 });
    expect(larger.every((c) => c.clusters === 0 && c.articles === 0)).toBe(true);
    // In the story of 6: each a keeps 4/6 (loses 1/6 to the twin b, 1/6 to c); b keeps 1/6 (4/6 to its twin
    // a, 1/6 to c); c keeps 1/6 (loses 5/6 to others).
    expect(mixed.clusters).toBe(1);
    expect(mixed.precision).toBeCloseTo((4 * (4 / 6) + 1 / 6 + 1 / 6) / 6);
    expect(mixed.lostToTwins).toBeCloseTo((4 * (1 / 6) + 4 / 6) / 9);
    expect(mixed.lostToOthers).toBeCloseTo((4 * (1 / 6) + 1 / 6 + 5 / 6) / 9);
    const whole = bcubedPrecisionLoss(gold, predicted, twins);
    expect(classes.reduce((sum, c) => sum + c.lostToTwins, 0)).toBeCloseTo(whole.toTwins);
    expect(classes.reduce((sum, c) => sum + c.lostToOthers, 0)).toBeCloseTo(whole.toOthers);
    expect(1 - scoreClustering(gold, predicted).bcubed.precision).toBeCloseTo(whole.toTwins + whole.toOthers);
  });
});

describe('held-out matching rates', () => {
  it('counts singles in their story, singles and withheld stories given no answer, and the untwinned apart', () => {
    const answer = (score: number, own = false, twinned = false) => ({ score, own, twinned });
    const singles = [answer(0.9, true), answer(0.5, false), answer(0.2, true), answer(0.45, true)];
    const whole = [answer(0.1), answer(0.6, false, true), answer(0.7), answer(0)];
    expect(holdoutRates(singles, whole, 0.4)).toEqual({
      threshold: 0.4,
      singlesHit: 0.5,
      singlesNull: 0.25,
      wholeNull: 0.5,
      wholeNullUntwinned: 0.6667,
    });
    expect(holdoutRates([], [], 0.4)).toEqual({ threshold: 0.4, singlesHit: 0, singlesNull: 0, wholeNull: 0, wholeNullUntwinned: 0 });
  });

  it('groups article ids by their story label', () => {
    const byLabel = idsByLabel([{ id: 'a', story: 's' }, { id: 'b' }, { id: 'c', story: 's' }]);
    expect([...byLabel]).toEqual([
      ['s', ['a', 'c']],
      ['', ['b']],
    ]);
  });
});
