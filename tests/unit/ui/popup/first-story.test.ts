/** The popup's one request to the worker: the tab it names, the worker's errors, and a worker that never answers. */
import { afterEach, describe, expect, it } from 'vitest';
import { NoAnswerError, requestPopupStory, tabFromSearch } from '../../../../src/ui/popup/first-story';

const scope = globalThis as { browser?: unknown };
const original = scope.browser;
afterEach(() => {
  scope.browser = original;
});

function workerAnswering(answer: (message: unknown) => Promise<unknown>) {
  const sent: unknown[] = [];
  scope.browser = {
    runtime: {
      sendMessage: (message: unknown) => {
        sent.push(message);
        return answer(message);
      },
    },
  };
  return sent;
}

describe('popup request', () => {
  it('reads the tab from ?tab=ID and ignores anything else', () => {
    expect(tabFromSearch('?tab=42')).toBe(42);
    expect(tabFromSearch('')).toBeNull();
    expect(tabFromSearch('?tab=-1')).toBeNull();
    expect(tabFromSearch('?tab=4x')).toBeNull();
  });

  it('sends one popup/story message and returns the worker’s data', async () => {
    const data = { page: null, view: { status: 'not-article' } };
    const sent = workerAnswering(async () => ({ ok: true, data }));
    expect(await requestPopupStory(9)).toEqual(data);
    expect(sent).toEqual([{ type: 'popup/story', tabId: 9 }]);
  });

  it('turns the worker’s error reply into an error with its message', async () => {
    workerAnswering(async () => ({ ok: false, error: 'Invalid message (tabId: expected number)' }));
    await expect(requestPopupStory(null)).rejects.toThrow('Invalid message (tabId: expected number)');
  });

  it('gives up with NoAnswerError when the worker does not answer in time, or answers nothing', async () => {
    workerAnswering(() => new Promise(() => undefined));
    await expect(requestPopupStory(null, 20)).rejects.toBeInstanceOf(NoAnswerError);
    workerAnswering(async () => undefined);
    await expect(requestPopupStory(null)).rejects.toBeInstanceOf(NoAnswerError);
  });
});
