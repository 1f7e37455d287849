import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StoryEngine, type EngineArticle } from '../../../../src/core/story/index';
import type { NeighbourGraph } from '../../../../src/core/story/refine-graph';
import { unlinkedParts } from '../../../../src/core/story/unlinked-parts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const T0 = 1_700_000_000_000;

/** A neighbour graph with at most `k` neighbours per node, from its links (listed on the first node). */
function graphOf(nodes: number, k: number, links: readonly [number, number][]): NeighbourGraph {
  const index = new Int32Array(nodes * k).fill(-1);
  const similarity = new Float32Array(nodes * k);
  const count = new Uint8Array(nodes);
  for (const [a, b] of links) {
    index[a * k + count[a]] = b;
    similarity[a * k + count[a]] = 0.5;
    count[a]++;
  }
  return { k, index, similarity, count };
}

/** A chain of links through `nodes`. */
const chain = (nodes: readonly number[]): [number, number][] => nodes.slice(1).map((node, i) => [nodes[i], node]);

describe('unlinkedParts', () => {
  it('splits off each part of a story no link joins to the rest, and leaves the largest part in place', () => {
    // Story 0: nodes 0-5 linked, 6-10 linked, no link between. Story 1: 11-16 linked.
    const labels = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    const graph = graphOf(17, 2, [...chain([0, 1, 2, 3, 4, 5]), ...chain([6, 7, 8, 9, 10]), ...chain([11, 12, 13, 14, 15, 16])]);
    expect(unlinkedParts(graph, labels, 5)).toEqual([[6, 7, 8, 9, 10]]);
  });

  it('leaves a story whole when one link joins its parts, or when a part is smaller than the minimum', () => {
    const labels = new Int32Array(11);
    const parts = [...chain([0, 1, 2, 3, 4, 5]), ...chain([6, 7, 8, 9, 10])];
    expect(unlinkedParts(graphOf(11, 2, [...parts, [5, 6]]), labels, 5)).toEqual([]);
    expect(unlinkedParts(graphOf(11, 2, parts), labels, 6)).toEqual([]);
  });

  it('does not count a link to another story as joining two parts', () => {
    // Nodes 0-4 and 6-10 are story 0; node 5, between them, is story 1.
    const labels = Int32Array.from([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    const graph = graphOf(11, 2, [...chain([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])]);
    expect(unlinkedParts(graph, labels, 5)).toEqual([[6, 7, 8, 9, 10]]);
  });

  it('gives the same parts whatever order the links are listed in', () => {
    const labels = new Int32Array(12);
    const links = [...chain([0, 2, 4, 6, 8, 10]), ...chain([1, 3, 5, 7, 9, 11])];
    const forward = unlinkedParts(graphOf(12, 2, links), labels, 5);
    const backward = unlinkedParts(graphOf(12, 2, [...links].reverse()), labels, 5);
    expect(forward).toEqual([[1, 3, 5, 7, 9, 11]]);
    expect(backward).toEqual(forward);
  });
});

interface FixtureArticle extends EngineArticle {
  story: string;
}

/**
 * An actor suing a tabloid and an author finishing a dragon saga, both named Morgan, in one story (as
 * online clustering can leave them when the name is their strongest shared word); unrelated news around
 * them, and ten days on, a museum's dragon exhibition.
 */
const articles = (): FixtureArticle[] =>
  readFileSync('tests/fixtures/story/shared-name-stories.jsonl', 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FixtureArticle);

/** An engine whose stories are the given labels, as a clustering may have left them. */
function indexed(labelOf: (article: FixtureArticle) => string, kept = (_: FixtureArticle) => true): StoryEngine {
  const engine = new StoryEngine();
  for (const article of articles().filter(kept)) engine.addToLabelledStory(article, labelOf(article));
  return engine;
}

const storiesOf = (engine: StoryEngine, event: string) =>
  new Set(articles().flatMap((article) => (article.story === event ? [engine.storyOf(article.id)] : [])));

describe('StoryEngine and a story held together by one shared name', () => {
  const mixed = (article: FixtureArticle) => (article.story === 'actor' || article.story === 'author' ? 'morgan' : article.story);

  it('splits the story into its two events at the refinement', () => {
    const engine = indexed(mixed);
    expect(storiesOf(engine, 'actor')).toEqual(storiesOf(engine, 'author'));
    const before = engine.storyOf('actor1');
    engine.refineStories();
    const [actor, ...moreActor] = storiesOf(engine, 'actor');
    const [author, ...moreAuthor] = storiesOf(engine, 'author');
    expect([moreActor, moreAuthor]).toEqual([[], []]);
    expect(actor).not.toBe(author);
    // The part with the story's first article keeps its id; the other is a story of its own.
    expect(actor).toBe(before);
    const at = T0 + 13 * HOUR;
    expect(engine.match({ id: 'q-author', title: 'Morgan Pryce finishes the last dragon novel', published: at })?.storyId).toBe(author);
    expect(engine.match({ id: 'q-actor', title: 'Tabloid pays Morgan Hale damages over wedding report', published: at })?.storyId).toBe(
      actor,
    );
  });

  it('keeps a story whole when its headlines link to each other, and a few stray headlines with it', () => {
    const coherent = indexed((article) => article.story);
    coherent.refineStories();
    expect(storiesOf(coherent, 'actor').size).toBe(1);
    expect(storiesOf(coherent, 'author').size).toBe(1);
    // Three of the author's headlines (and no more) in the actor's story: too few to be a story of their own.
    const strays = new Set(['author1', 'author2', 'author3']);
    const engine = indexed(mixed, (article) => article.story !== 'author' || strays.has(article.id));
    engine.refineStories();
    expect(new Set(['actor1', ...strays].map((id) => engine.storyOf(id))).size).toBe(1);
  });

  it('still finds later stories that share a word with the part split off', () => {
    // The split-off part is a new story whose articles are ten days older than the exhibition's: the
    // candidate search, which walks each word's stories newest first and stops once they are too old,
    // must still reach the exhibition's story through "dragon".
    const engine = indexed(mixed);
    engine.refineStories();
    const later = { id: 'museum4', title: 'Dragon exhibition at the museum extended for a month', published: T0 + 10 * DAY + 5 * HOUR };
    const found = engine.match(later);
    expect(found?.storyId).toBe(engine.storyOf('museum1'));
    expect(found?.terms).toContain('Dragon');
    // As it is scored in an index where the two events were apart from the start.
    const apart = indexed((article) => article.story);
    apart.refineStories();
    expect(found?.score).toBe(apart.match(later)?.score);
    expect(engine.add(later)).toBe(engine.storyOf('museum1'));
  });
});
