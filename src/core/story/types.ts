/** The story engine's public data: what goes in (an article) and what comes out (a story match). */

/** An article as the story engine sees it. */
export interface EngineArticle {
  id: string;
  title: string;
  description?: string;
  publisher?: string;
  host?: string;
  /** Epoch milliseconds. */
  published: number;
}

/** The story an article belongs to, how sure the engine is, and why. */
export interface StoryMatch {
  storyId: string;
  /**
   * How sure the engine is, 0..1: for a new article, the match model's probability that the story is its
   * own (match-model.ts); for an article already indexed, its time-decayed cosine with its story.
   */
  score: number;
  /** Key terms the article shares with the story, strongest first, in display form. */
  terms: string[];
}
