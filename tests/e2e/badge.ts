/**
 * The badge as the reader's browser sees it. Its shadow root is closed, so neither page scripts nor
 * Playwright's locators reach inside; the tests go through the DevTools protocol (which pierces closed
 * roots) and click with the real mouse, as a reader would.
 */
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import { expect, tabIdOf } from './fixtures';

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findNode(node: DomNode, test: (n: DomNode) => boolean): DomNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return null;
}

const hasAttribute = (node: DomNode, name: string, value: string) => {
  const attributes = node.attributes ?? [];
  for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === name && attributes[i + 1] === value) return true;
  return false;
};

export class BadgeProbe {
  private session: CDPSession | null = null;

  constructor(readonly page: Page) {}

  private async cdp(): Promise<CDPSession> {
    this.session ??= await this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /** The badge's button matching `test` inside the closed root, or null when there is no badge. */
  private async node(test: (n: DomNode) => boolean): Promise<number | null> {
    const cdp = await this.cdp();
    // Only the badge's subtree is described: pages can hold tens of thousands of nodes.
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'parallax-badge' });
    if (!nodeId) return null;
    const { node } = (await cdp.send('DOM.describeNode', { nodeId, depth: -1, pierce: true })) as unknown as { node: DomNode };
    return findNode(node, test)?.backendNodeId ?? null;
  }

  private async call<T>(test: (n: DomNode) => boolean, fn: string): Promise<T | null> {
    const backendNodeId = await this.node(test);
    if (backendNodeId === null) return null;
    const cdp = await this.cdp();
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      returnByValue: true,
    });
    return result.value as T;
  }

  private static readonly OPEN = (n: DomNode) => hasAttribute(n, 'data-testid', 'parallax-badge');
  private static readonly DISMISS = (n: DomNode) => n.nodeName === 'BUTTON' && hasAttribute(n, 'class', 'dismiss');

  /** How many badges the page holds (the host element is in the page's own DOM). */
  count(): Promise<number> {
    return this.page.locator('parallax-badge').count();
  }

  /** The badge's text, or null while there is none. */
  text(): Promise<string | null> {
    return this.call<string>(BadgeProbe.OPEN, 'function () { return this.textContent; }');
  }

  /** The text as drawn (layout-aware, whitespace collapsed): what a sighted reader reads. */
  visibleText(): Promise<string | null> {
    return this.call<string>(BadgeProbe.OPEN, "function () { return this.innerText.replace(/\\s+/g, ' ').trim(); }");
  }

  /** Whether the badge is drawn with a size. */
  async visible(): Promise<boolean> {
    const box = await this.call<boolean>(
      BadgeProbe.OPEN,
      'function () { const r = this.getBoundingClientRect(); return r.width > 0 && r.height > 0; }',
    );
    return box === true;
  }

  /** Waits for a visible badge whose text matches. */
  async expectText(expected: string | RegExp = /\S/): Promise<void> {
    await expect.poll(async () => ((await this.visible()) ? await this.text() : null), { timeout: 10_000 }).toMatch(expected);
  }

  async expectVisible(): Promise<void> {
    await this.expectText();
  }

  /** The accessible name Chromium computes for the badge's button. */
  async accessibleName(): Promise<string | null> {
    const backendNodeId = await this.node(BadgeProbe.OPEN);
    if (backendNodeId === null) return null;
    const cdp = await this.cdp();
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { backendNodeId, fetchRelatives: false });
    return (nodes[0]?.name?.value as string | undefined) ?? null;
  }

  /** Whether the badge's button has the focus. */
  async focused(): Promise<boolean> {
    return (await this.call<boolean>(BadgeProbe.OPEN, 'function () { return this.getRootNode().activeElement === this; }')) === true;
  }

  /** A background colour inside the root, by class. */
  pillBackground(): Promise<string | null> {
    return this.call<string>(BadgeProbe.OPEN, "function () { return getComputedStyle(this.closest('.pill')).backgroundColor; }");
  }

  /** The shadow root's markup, for checking it where axe can see it. */
  shadowMarkup(): Promise<string | null> {
    return this.call<string>(BadgeProbe.OPEN, 'function () { return this.getRootNode().innerHTML; }');
  }

  /** A real mouse click in the middle of a button (trusted, as the reader's). */
  private async clickNode(test: (n: DomNode) => boolean): Promise<void> {
    await expect.poll(() => this.node(test), { timeout: 10_000 }).not.toBeNull();
    const point = await this.call<{ x: number; y: number }>(
      test,
      'function () { this.scrollIntoView({ block: "center" }); const r = this.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }',
    );
    if (!point) throw new Error('the badge went away');
    await this.page.mouse.click(point.x, point.y);
  }

  click(): Promise<void> {
    return this.clickNode(BadgeProbe.OPEN);
  }

  dismiss(): Promise<void> {
    return this.clickNode(BadgeProbe.DISMISS);
  }
}

export const badgeOf = (page: Page) => new BadgeProbe(page);

/** Opens an article page in a new tab, waits for its badge (the worker has matched it), and gives its tab's id. */
export async function openArticleTab(context: BrowserContext, worker: Worker, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  await badgeOf(page).expectVisible();
  return { page, tabId: await tabIdOf(worker, page) };
}
