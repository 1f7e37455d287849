export { tokenize, tokenizeWithSurfaces, type TokenList, type WordSpan } from './tokenize';
export { stripHeadlineBoilerplate } from './boilerplate';
export { STOP_WORDS } from './stopwords';
export { extractPhrases, isPhraseKey, phrasesOf, type Phrase, type PhraseCandidates } from './phrases';
