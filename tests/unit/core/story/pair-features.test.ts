import { describe, expect, it } from 'vitest';
import {
  PAIR_FEATURE_COUNT,
  PAIR_FEATURE_NAMES,
  TERM_NUMBER,
  TERM_PHRASE,
  TERM_WORD,
  pairFeatures,
  sharedTerms,
  type PairContext,
} from '../../../../src/core/story/pair-features';

// Terms: 0 "fed", 1 "rate", 2 "fed up" (a title), 3 "2014", 4 "sugar".
const table = {
  idf: [2, 3, 5, 4, 6],
  kind: [TERM_WORD, TERM_WORD, TERM_PHRASE, TERM_NUMBER, TERM_WORD],
  unseenIdf: 8,
};

const feature = (values: Float64Array, name: (typeof PAIR_FEATURE_NAMES)[number]) => values[PAIR_FEATURE_NAMES.indexOf(name)];

describe('sharedTerms', () => {
  // A story of 10 articles: "fed" in all, "rate" in 8, "2014" in 5, "fed up" in 1 (below a tenth: not characteristic).
  const story = {
    weights: new Map([
      [0, 10],
      [1, 8],
      [3, 5],
      [2, 0.5],
    ]),
    size: 10,
  };

  it('counts shared characteristic terms, names and numbers, and the unshared names', () => {
    const shared = sharedTerms({ ids: [0, 1, 3, 2, -1], weights: [1, 1, 1, 1, 1] }, story, table);
    expect(shared.characteristic).toBe(3);
    expect(shared.numbers).toBe(1);
    expect(shared.names).toBe(0);
    // The title is in the story, but in too few of its articles to characterise it.
    expect(shared.unsharedNames).toBe(1);
    // Largest contribution: "rate" (1·3 × 0.8·3 = 7.2) over "fed" (2 × 2 = 4) and "2014" (4 × 0.5·4 = 8): "2014".
    expect(shared.strongestIdf).toBe(4);
  });

  it('computes the cosine numerator and norms with the story centroid (member share × IDF)', () => {
    const shared = sharedTerms({ ids: [0, 4], weights: [1, 0.5] }, story, table);
    expect(shared.dot).toBeCloseTo(2 * 1 * 2);
    expect(shared.querySquares).toBeCloseTo(2 * 2 + 3 * 3);
    expect(shared.sharedQuerySquares).toBeCloseTo(4);
    expect(shared.sharedStorySquares).toBeCloseTo(4);
  });

  it('weighs a word the index has never seen at the highest IDF, shared with no story', () => {
    const shared = sharedTerms({ ids: [-1], weights: [1] }, story, table);
    expect(shared.querySquares).toBe(64);
    expect(shared.dot).toBe(0);
  });
});

describe('pairFeatures', () => {
  const context: PairContext = {
    storyNorm: 2,
    cohesion: 0.64,
    size: 9,
    timeExcessMs: 0,
    decayMs: 12 * 3600_000,
    samePublisher: true,
    queryTerms: 4,
    logArticles: 10,
  };
  const shared = {
    dot: 3,
    querySquares: 9,
    sharedQuerySquares: 4.5,
    sharedStorySquares: 2,
    characteristic: 9,
    names: 1,
    numbers: 0,
    unsharedNames: 0,
    strongestIdf: 5,
  };

  it('writes every feature, capped where counts run high', () => {
    const out = new Float64Array(PAIR_FEATURE_COUNT);
    const cosine = pairFeatures(shared, context, out);
    expect(cosine).toBeCloseTo(3 / (3 * 2));
    expect(feature(out, 'cosine')).toBeCloseTo(0.5);
    expect(feature(out, 'logCosine')).toBeCloseTo(Math.log(0.5));
    expect(feature(out, 'calibratedCosine')).toBeCloseTo(0.5 / 0.8);
    expect(feature(out, 'articleShare')).toBeCloseTo(0.5);
    expect(feature(out, 'storyShare')).toBeCloseTo(0.5);
    expect(feature(out, 'characteristic')).toBe(6);
    expect(feature(out, 'names')).toBe(1);
    expect(feature(out, 'strongestIdf')).toBeCloseTo(0.5);
    expect(feature(out, 'logSize')).toBeCloseTo(Math.log(10));
    expect(feature(out, 'samePublisher')).toBe(1);
    expect(feature(out, 'logTerms')).toBeCloseTo(Math.log(5));
  });

  it('lets time count through the cosine only: e per decay period beyond the story span', () => {
    const out = new Float64Array(PAIR_FEATURE_COUNT);
    const later = pairFeatures(shared, { ...context, timeExcessMs: context.decayMs }, out);
    expect(later).toBeCloseTo(0.5 / Math.E);
    expect(feature(out, 'logCosine')).toBeCloseTo(Math.log(0.5) - 1);
    expect(feature(out, 'characteristic')).toBe(6);
  });
});
