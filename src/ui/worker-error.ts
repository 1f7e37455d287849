/** What the extension pages say when the worker failed or did not answer. */
import { NoAnswerError } from '../messaging/client';
import { t } from './i18n';

/** The story page waits this long for the worker. */
export const PAGE_ANSWER_TIMEOUT_MS = 10_000;
/** The stories page waits longer: the first list of a 100k-article index is computed in seconds, not ms. */
export const LIST_ANSWER_TIMEOUT_MS = 30_000;

export function workerErrorText(error: unknown): string {
  if (error instanceof NoAnswerError) return t('stateNoAnswer');
  return t('stateError', error instanceof Error ? error.message : String(error));
}
