/**
 * The shipped match model (match-model.ts): its numbers are written by `npm run train:engine -- --write`
 * from the dev set into data/match-model.json.
 */
import shipped from './data/match-model.json' with { type: 'json' };
import { MATCH_FEATURES, type MatchModel } from './match-model';

export const MATCH_MODEL: MatchModel = { ...shipped, features: MATCH_FEATURES };
