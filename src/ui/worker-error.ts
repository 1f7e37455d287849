/** What the extension pages say when the worker failed or did not answer. */
import { NoAnswerError } from '../messaging/client';
import { t } from './i18n';

/** The story pages wait this long for the worker (a large index's first list takes a few seconds). */
export const PAGE_ANSWER_TIMEOUT_MS = 10_000;

export function workerErrorText(error: unknown): string {
  if (error instanceof NoAnswerError) return t('stateNoAnswer');
  return t('stateError', error instanceof Error ? error.message : String(error));
}
