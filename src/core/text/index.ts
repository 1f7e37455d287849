export { tokenize, tokenizeWithSurfaces, type TokenList } from './tokenize';
export { stripHeadlineBoilerplate } from './boilerplate';
export { STOP_WORDS } from './stopwords';
export { namesIn } from './names';
