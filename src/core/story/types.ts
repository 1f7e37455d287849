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
   * Time-decayed cosine similarity to the story, 0..1; from `match`, calibrated against the story's own
   * cohesion (see `matchCohesionWeight`) and capped at 1.
   */
  score: number;
  /** Key terms the article shares with the story, strongest first, in display form. */
  terms: string[];
}
