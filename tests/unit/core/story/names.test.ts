/**
 * One word two stories share, when it is part of a name in one of them, is not a story: a film whose title
 * shares a word with an institution, a product that shares a word with a sports event. Headlines written
 * for these tests.
 */
import { describe, expect, it } from 'vitest';
import { StoryEngine, type EngineArticle } from '../../../../src/core/story/index';

const HOUR = 3600_000;
const T0 = Date.UTC(2026, 4, 10, 8);

const at = (hours: number) => T0 + hours * HOUR;

/** The London police force, known to headlines as "the Met". */
const POLICE: EngineArticle[] = [
  { id: 'p1', title: 'Met police arrest three after protest in Whitehall', published: at(0), publisher: 'Daily A' },
  { id: 'p2', title: 'Met chief defends handling of Whitehall protest arrests', published: at(2), publisher: 'Paper B' },
  { id: 'p3', title: 'Met officers cleared over Whitehall protest arrests', published: at(5), publisher: 'Wire C' },
  { id: 'p4', title: 'Whitehall protest: Met releases arrested men on bail', published: at(7), publisher: 'Site D' },
];
/** A film whose title has that word in it. */
const FILM: EngineArticle[] = [
  { id: 'f1', title: "Debut drama 'Never Met' wins audience award at Venice", published: at(1), publisher: 'Review E' },
  { id: 'f2', title: "'Never Met' star on the film that took Venice by surprise", published: at(4), publisher: 'Magazine F' },
];

/** A tennis team competition. */
const TENNIS: EngineArticle[] = [
  { id: 't1', title: 'Spain beat Canada to lift the Davis Cup in Malaga', published: at(0), publisher: 'Daily A' },
  { id: 't2', title: 'Davis Cup final: Spain win deciding doubles rubber', published: at(3), publisher: 'Wire C' },
  { id: 't3', title: 'Home crowd cheers as Spain claim Davis Cup title', published: at(6), publisher: 'Paper B' },
  { id: 't4', title: 'Davis Cup glory for Spain after tense final in Malaga', published: at(8), publisher: 'Site D' },
];
/** A gadget that happens to be a cup. */
const GADGET: EngineArticle = {
  id: 'g1',
  title: 'Startup unveils self-heating travel cup that keeps coffee hot for hours',
  published: at(5),
  publisher: 'Gadget G',
};

function indexOf(articles: readonly EngineArticle[]): StoryEngine {
  const engine = new StoryEngine();
  for (const article of [...articles].sort((a, b) => a.published - b.published)) engine.add(article);
  return engine;
}

describe('names keep one shared word from making a story', () => {
  it('keeps a film apart from the institution its title shares a word with', () => {
    const engine = indexOf([...POLICE, ...FILM]);
    expect(engine.storyOf('f1')).not.toBe(engine.storyOf('p1'));
    expect(engine.storyOf('f2')).toBe(engine.storyOf('f1'));
    expect(engine.storyOf('p4')).toBe(engine.storyOf('p1'));
    const review = { id: 'q1', title: "Why 'Never Met' is the film of the year", published: at(9) };
    expect(engine.match(review)?.storyId ?? null).not.toBe(engine.storyOf('p1'));
  });

  it('keeps a product apart from the sports event it shares a word with', () => {
    const engine = indexOf([...TENNIS, GADGET]);
    expect(engine.storyOf('g1')).not.toBe(engine.storyOf('t1'));
    // Another article on the gadget finds the gadget's story; one on another cup finds none.
    const same = engine.match({ id: 'q2', title: 'This travel cup keeps your coffee hot all day', published: at(9) });
    expect(same?.storyId).toBe(engine.storyOf('g1'));
    expect(engine.match({ id: 'q3', title: 'Smart cup tracks what you drink', published: at(9) })).toBeNull();
  });

  it('matches an article that shares the name, and shows the name first', () => {
    const engine = indexOf(TENNIS);
    const match = engine.match({ id: 'q4', title: 'Davis Cup: how Spain won it in Malaga', published: at(9) });
    expect(match?.storyId).toBe(engine.storyOf('t1'));
    expect(match?.terms[0]).toBe('Davis Cup');
    // The name's own words are not repeated after it.
    expect(match?.terms).not.toContain('Cup');
  });
});
