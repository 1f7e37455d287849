import { DEFAULT_ENGINE_OPTIONS, StoryEngine, type EngineArticle, type EngineOptions } from './engine';

/** Clusters a batch of articles in `published` order (ties keep input order) into a new engine. */
export function clusterInTimeOrder(articles: readonly EngineArticle[], options?: Partial<EngineOptions>): StoryEngine {
  const engine = new StoryEngine(options);
  const order = articles.map((_, index) => index).sort((a, b) => articles[a].published - articles[b].published || a - b);
  for (const index of order) engine.add(articles[index]);
  // The whole batch has been seen: every story's coverage period is over.
  engine.settle();
  return engine;
}

/**
 * Parses "key=value" overrides of numeric engine options (the CLIs' --set), rejecting unknown keys and
 * non-numbers with a message naming them.
 */
export function parseOptionOverrides(pairs: readonly string[]): Partial<EngineOptions> {
  const overrides: Partial<EngineOptions> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const key = equals < 0 ? pair : pair.slice(0, equals);
    if (!(key in DEFAULT_ENGINE_OPTIONS)) {
      throw new Error(`unknown engine option "${key}" (known: ${Object.keys(DEFAULT_ENGINE_OPTIONS).join(', ')})`);
    }
    const value = Number(pair.slice(equals + 1));
    if (equals < 0 || !Number.isFinite(value)) throw new Error(`engine option "${key}" needs a number: ${pair}`);
    overrides[key as keyof EngineOptions] = value;
  }
  return overrides;
}
