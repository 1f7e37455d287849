/**
 * The toolbar popup opened as a reader opens it: the browser's own popup for the active tab, shown by
 * `action.openPopup()` as by a click on the extension's button, for measurements and tests. Playwright
 * does not attach to that popup (it is no tab), so it is reached over the DevTools protocol from a page
 * of the same browser.
 */
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';

export interface ToolbarPopup {
  /** The value of `expression` (a string: the popup shares no code with the caller), evaluated in the popup. */
  evaluate<T>(expression: string): Promise<T>;
  /** Evaluates `expression` until it is truthy (every 10 ms, up to `timeoutMs`) and returns that value. */
  waitFor<T>(expression: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

interface TargetMessage {
  sessionId: string;
  message: string;
}

let nextId = 1;

/** Sends one protocol command to an attached target through the browser-level session, and awaits its answer. */
function relay(cdp: CDPSession, sessionId: string, method: string, params: object): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (event: TargetMessage) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id !== id) return;
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((error: unknown) => {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      reject(error);
    });
  });
}

const popupTargets = async (cdp: CDPSession, extensionId: string) =>
  (await cdp.send('Target.getTargets')).targetInfos.filter(
    (t) => t.type === 'page' && t.url.startsWith(`chrome-extension://${extensionId}/popup.html`),
  );

/**
 * Brings `tab` to the front and opens the toolbar popup over it. `opener` calls `action.openPopup()`: the
 * worker, or an extension page (which leaves a stopped worker stopped, for openings right after its start).
 */
export async function openToolbarPopup(
  context: BrowserContext,
  extensionId: string,
  tab: Page,
  opener: Page | Worker,
): Promise<ToolbarPopup> {
  await tab.bringToFront();
  const cdp = await context.newCDPSession(tab);
  const before = new Set((await popupTargets(cdp, extensionId)).map((t) => t.targetId));
  const openPopup = () => chrome.action.openPopup();
  await ('mainFrame' in opener ? opener.evaluate(openPopup) : opener.evaluate(openPopup));
  let targetId: string | undefined;
  for (const deadline = Date.now() + 5_000; targetId === undefined; await new Promise((r) => setTimeout(r, 10))) {
    targetId = (await popupTargets(cdp, extensionId)).find((t) => !before.has(t.targetId))?.targetId;
    if (targetId === undefined && Date.now() > deadline) throw new Error('the toolbar popup did not open');
  }
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const reply = (await relay(cdp, sessionId, 'Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as {
      result: { value?: T };
      exceptionDetails?: { text: string };
    };
    if (reply.exceptionDetails) throw new Error(`in the popup: ${reply.exceptionDetails.text}`);
    return reply.result.value as T;
  };
  return {
    evaluate,
    async waitFor<T>(expression: string, timeoutMs = 10_000): Promise<T> {
      for (const deadline = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 10))) {
        // A popup still loading has no document to evaluate in yet: try again.
        const value = await evaluate<T>(expression).catch(() => undefined);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`the toolbar popup never had ${expression}`);
      }
    },
    async close() {
      await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}
