/**
 * The story engine's vocabulary: term ids, display forms, document frequencies over live articles, and
 * the IDF every score is weighted by. Articles become vectors of term ids here.
 *
 * Fields are read directly by the engine's stores and scoring loops (no getters on hot paths).
 */
import { namesIn, stripHeadlineBoilerplate, tokenizeWithSurfaces } from '../text/index';
import { IDF_PRIOR_ARTICLES, VOCABULARY_SCANS } from './options';
import type { EngineArticle } from './types';

/** A tokenised article: unique term ids (−1 for words not in the vocabulary) and their weights. */
export interface ArticleVector {
  surfaces: string[];
  ids: number[];
  weights: number[];
  /** Whether each term is a name in the text (see namesIn); only for a query, whose evidence is shown. */
  names?: boolean[];
}

export class Vocabulary {
  /**
   * Term → id; null after a restore until the engine has looked up VOCABULARY_SCANS terms by scanning
   * `terms` (building it for 20k terms was 7-16 ms of a woken worker's first answer, which needs ~15).
   */
  termIdMap: Map<string, number> | null = new Map();
  private vocabularyScans = 0;
  /** A term's id is its index. */
  terms: string[] = [];
  /** Display form of each term. */
  termDisplay: string[] = [];
  /** Live articles per term. */
  df: number[] = [];
  /**
   * IDF is taken from a frozen copy of the document frequencies, refreshed whenever the collection has
   * grown or shrunk by a tenth. Scores then depend only on the index's content, not on its history, so a
   * restored snapshot answers exactly like the original, and story norms can be cached safely.
   */
  epochDf: number[] = [];
  epochArticles = 0;
  /** Counts IDF refreshes: a story's cached norm and sums are valid in the epoch they were computed in. */
  epoch = 0;
  /** IDF of each term from the frozen frequencies (cached: it is read in every scoring loop). */
  idfOf: number[] = [];

  /** @param descriptionWeight weight of words found only in the description, relative to headline words */
  constructor(private readonly descriptionWeight: number) {}

  idf(termId: number): number {
    return termId < 0 ? this.unseenIdf() : this.idfOf[termId];
  }

  unseenIdf(): number {
    return Math.log(this.epochArticles + IDF_PRIOR_ARTICLES);
  }

  /** Recomputes the cached IDF of every term from the frozen document frequencies. */
  recomputeIdf(): void {
    const total = this.epochArticles + IDF_PRIOR_ARTICLES;
    this.idfOf = this.epochDf.map((df) => Math.log(total / (df + 1)));
  }

  /** Freezes the current frequencies as the IDF's when the live article count has drifted far enough. */
  refreshIdfIfDrifted(liveArticles: number): void {
    const drift = Math.abs(liveArticles - this.epochArticles);
    // Small collections refresh on every change (cheap); large ones when they drift by a tenth.
    if (liveArticles > 1000 && drift <= this.epochArticles * 0.1) return;
    this.epochDf = this.df.slice();
    this.epochArticles = liveArticles;
    this.recomputeIdf();
    this.epoch++;
  }

  /** The term → id map, built on first use after a restore. */
  private termIds(): Map<string, number> {
    if (this.termIdMap === null) {
      const map = new Map<string, number>();
      for (let id = 0; id < this.terms.length; id++) map.set(this.terms[id], id);
      this.termIdMap = map;
    }
    return this.termIdMap;
  }

  private termId(term: string): number | undefined {
    if (this.termIdMap === null && this.vocabularyScans < VOCABULARY_SCANS) {
      this.vocabularyScans++;
      const id = this.terms.indexOf(term);
      return id < 0 ? undefined : id;
    }
    return this.termIds().get(term);
  }

  /** Tokenises an article into unique terms; `intern` adds unseen words to the vocabulary. */
  vectorize(article: EngineArticle, intern: boolean): ArticleVector {
    // A query's evidence is shown to the reader, names first; indexed articles need no names.
    const names: boolean[] | undefined = intern ? undefined : [];
    const vector: ArticleVector = { surfaces: [], ids: [], weights: [], names };
    const position = new Map<string, number>();
    const addText = (text: string, weight: number): void => {
      const stripped = stripHeadlineBoilerplate(text, article.publisher, article.host);
      const list = tokenizeWithSurfaces(stripped);
      const textNames = names && namesIn(stripped, list.surfaces);
      for (let i = 0; i < list.tokens.length; i++) {
        const term = list.tokens[i];
        const at = position.get(term);
        if (at !== undefined) {
          if (vector.weights[at] < weight) vector.weights[at] = weight;
          if (names && textNames?.[i]) names[at] = true;
          continue;
        }
        position.set(term, vector.ids.length);
        names?.push(textNames?.[i] ?? false);
        vector.surfaces.push(list.surfaces[i]);
        vector.weights.push(weight);
        let id = this.termId(term);
        if (id === undefined && intern) {
          id = this.terms.length;
          this.termIds().set(term, id);
          this.terms.push(term);
          this.termDisplay.push(list.surfaces[i]);
          this.df.push(0);
          this.epochDf.push(0);
          this.idfOf.push(this.unseenIdf());
        }
        vector.ids.push(id ?? -1);
      }
    };
    addText(article.title, 1);
    if (article.description) addText(article.description, this.descriptionWeight);
    return vector;
  }
}
