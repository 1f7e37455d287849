/** The worker's end of the transfer port: every message validated, answered in order, one import per port. */
import { describe, expect, it } from 'vitest';
import { IndexTransfer } from '../../../src/background/index-transfer';
import { StoryIndex } from '../../../src/background/story-index';
import { serveTransferPort } from '../../../src/background/transfer-port';
import { ParallaxDatabase } from '../../../src/db/database';
import { sampleFile } from '../support/index-file';
import { portPair } from '../support/port';

function served() {
  const db = new ParallaxDatabase(`port-${Math.random()}`);
  const { page, worker } = portPair();
  serveTransferPort(worker, new IndexTransfer({ db, index: new StoryIndex(db), now: () => 0 }));
  const answers: unknown[] = [];
  page.onMessage.addListener((m) => answers.push(m));
  const send = async (...messages: unknown[]) => {
    const expected = answers.length + messages.length;
    for (const m of messages) page.postMessage(m);
    await expect.poll(() => answers.length).toBe(expected);
    return answers.slice(-messages.length);
  };
  return { db, send };
}

describe('the transfer port', () => {
  it('refuses a message it does not know, and goes on answering', async () => {
    const { send } = served();
    expect(await send({ kind: 'import/piece', text: 42 }, { kind: 'ping' })).toEqual([
      { kind: 'failed', error: expect.stringMatching(/^Invalid message \(text: /) },
      { kind: 'reply', data: null },
    ]);
  });

  it('answers requests in the order they came, and an import only once it has started', async () => {
    const { send } = served();
    const text = JSON.stringify(sampleFile(2));
    expect(await send({ kind: 'import/end' })).toEqual([{ kind: 'failed', error: 'no import in progress on this port; start again' }]);
    const [first, second, end] = await send(
      { kind: 'import/piece', text: text.slice(0, 100) },
      { kind: 'import/piece', text: text.slice(100) },
      { kind: 'import/end' },
    );
    expect([first, second]).toEqual([
      { kind: 'reply', data: { articles: 0 } },
      { kind: 'reply', data: { articles: 2 } },
    ]);
    expect(end).toMatchObject({ kind: 'reply', data: { articles: { inFile: 2, new: 2 } } });
  });

  it('ends the import at a refused file: what follows starts again', async () => {
    const { send, db } = served();
    const [refused, after] = await send({ kind: 'import/piece', text: '{"format": "csv"' }, { kind: 'import/end' });
    expect(refused).toEqual({ kind: 'refused', errors: ['format: expected "parallax-index" (not a Parallax index file)'] });
    expect(after).toEqual({ kind: 'failed', error: 'no import in progress on this port; start again' });
    expect(await db.articles.count()).toBe(0);
  });
});
