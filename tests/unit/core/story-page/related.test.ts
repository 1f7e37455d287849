/** Related stories: other stories sharing key names or terms, rarer shared terms weighing more. */
import { describe, expect, it } from 'vitest';
import { digestStory, relatedIndex, relatedStories, type StoryDigest } from '../../../../src/core/story-page';
import { RELATED_MAX } from '../../../../src/core/story-page/related';
import { coverage } from '../../support/coverage-item';

function story(id: string, titles: string[], sources = titles.length): StoryDigest {
  const digest = digestStory(
    id,
    titles.map((title, i) => coverage(`${id}-${i}`, title, { outlet: `${id}-outlet-${i}` })),
  )!;
  return { ...digest, sources };
}

const MISSILES = story('missiles', ['Koizumi and Hegseth agree to boost missile production', 'Hegseth, Koizumi vow missile output']);
const STORIES = [
  MISSILES,
  story('hegseth-ships', ['Hegseth visits Yokosuka navy base after Koizumi talks', 'Hegseth tours Yokosuka with Koizumi']),
  story('missile-test', ['North Korea fires missile into sea', 'North Korea missile test alarms Tokyo']),
  story('storm', ['Winter storm knocks out power', 'Snow and ice across US knock out power']),
  story('says', ['Officials agree talks to continue', 'Officials say they agree']),
];

describe('relatedStories', () => {
  const index = relatedIndex(STORIES);

  it('finds stories sharing key names, strongest first, never the story itself', () => {
    const related = relatedStories('missiles', MISSILES.terms, index).map((s) => s.id);
    expect(related[0]).toBe('hegseth-ships');
    expect(related).not.toContain('missiles');
    expect(related).not.toContain('storm');
  });

  it('needs two shared terms: one common word is no relation', () => {
    const related = relatedStories('missiles', MISSILES.terms, index).map((s) => s.id);
    expect(related).not.toContain('missile-test');
    expect(related).not.toContain('says');
  });

  it('gives at most five, ties to the story with more sources, the same list every time', () => {
    const many = Array.from({ length: 8 }, (_, i) => story(`copy${i}`, ['Koizumi Hegseth missile talks'], 10 + i));
    const big = relatedIndex([MISSILES, ...many]);
    const related = relatedStories('missiles', MISSILES.terms, big);
    expect(related).toHaveLength(RELATED_MAX);
    expect(related.map((s) => s.id)).toEqual(['copy7', 'copy6', 'copy5', 'copy4', 'copy3']);
    expect(relatedStories('missiles', MISSILES.terms, relatedIndex([...many].reverse().concat(MISSILES)))).toEqual(related);
  });
});
