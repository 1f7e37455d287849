/** Parts of the story view that are easy to get subtly wrong when made faster. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../src/core/preferences';
import { foldLean } from '../../../src/core/ratings';
import { coverageItem, representativeHeadline, type SourceLookup } from '../../../src/core/story-view';

/** The definition: each title's summed Jaccard overlap with every other title, row by row; first best wins. */
function reference(titles: readonly string[]): string {
  const sample = titles.slice(0, 80);
  const words = (title: string) => new Set((title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2));
  const sets = sample.map(words);
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < sample.length; i++) {
    let score = 0;
    for (let j = 0; j < sample.length; j++) {
      if (i === j) continue;
      let shared = 0;
      for (const w of sets[i]) if (sets[j].has(w)) shared++;
      const union = sets[i].size + sets[j].size - shared;
      score += union ? shared / union : 0;
    }
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return sample[best] ?? '';
}

describe('representativeHeadline', () => {
  it('picks exactly the title the row-by-row definition picks, ties and repeats included', () => {
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const vocabulary = ['storm', 'coast', 'floods', 'city', 'mayor', 'warns', 'rain', 'record', 'river', 'ok', 'de', 'Überflutung'];
    for (const size of [0, 1, 2, 3, 7, 40, 80, 120]) {
      for (let round = 0; round < 5; round++) {
        const titles = Array.from({ length: size }, () =>
          Array.from({ length: 1 + next(6) }, () => vocabulary[next(vocabulary.length)]).join(' '),
        );
        expect(representativeHeadline(titles)).toBe(reference(titles));
      }
    }
    expect(representativeHeadline(['same words here', 'same words here', 'other'])).toBe('same words here');
  });
});

describe('coverageItem', () => {
  const lookup = (asked: string[]): SourceLookup => ({
    outletForUrl: (url) => {
      asked.push(url);
      return url.includes('mirror.example') ? { id: 'mirror', name: 'Mirror' } : null;
    },
    outletById: () => null,
    ratingOf: () => null,
    foldLean,
  });
  const article = { id: 'https://news.example/a', url: 'https://news.example/a', title: 'A', published: 0, publisher: 'News' };

  it('resolves an address once when id and url agree, and the url too when they differ', () => {
    const asked: string[] = [];
    expect(coverageItem(article, lookup(asked), DEFAULT_PREFERENCES).outletName).toBe('News');
    expect(asked).toEqual(['https://news.example/a']);
    const mirrored = { ...article, url: 'https://mirror.example/a' };
    const again: string[] = [];
    expect(coverageItem(mirrored, lookup(again), DEFAULT_PREFERENCES).outletId).toBe('mirror');
    expect(again).toEqual(['https://news.example/a', 'https://mirror.example/a']);
  });
});
