/**
 * The lean chips as the reader's browser sees them. Their shadow roots are closed, so neither page
 * scripts nor Playwright's locators reach inside: the probe goes through the DevTools protocol (which
 * pierces closed roots), and hovers and clicks with the real mouse, as a reader would.
 */
import type { CDPSession, Page } from '@playwright/test';

export class ChipProbe {
  private session: CDPSession | null = null;

  constructor(readonly page: Page) {}

  private async cdp(): Promise<CDPSession> {
    this.session ??= await this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /** Runs `fn` with `this` = the button inside each chip's closed root, in page order. */
  protected async each<T>(fn: string): Promise<T[]> {
    const cdp = await this.cdp();
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'parallax-chip' });
    const results: T[] = [];
    for (const nodeId of nodeIds) {
      const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 2, pierce: true });
      const button = node.shadowRoots?.[0]?.children?.find((child) => child.nodeName === 'BUTTON');
      if (!button) throw new Error('a chip without its button');
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: button.backendNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: fn,
        returnByValue: true,
      });
      results.push(result.value as T);
    }
    return results;
  }

  private async one<T>(index: number, fn: string): Promise<T> {
    return (await this.each<T>(fn))[index];
  }

  /** Each chip's accessible name. */
  labels(): Promise<string[]> {
    return this.each('function () { return this.getAttribute("aria-label"); }');
  }

  /** Each chip's accessible description: the tooltip's words, there before any tooltip is drawn. */
  descriptions(): Promise<string[]> {
    return this.each('function () { return this.getAttribute("aria-description"); }');
  }

  /** Each chip's text as drawn. */
  visibleTexts(): Promise<string[]> {
    return this.each('function () { return this.innerText.trim(); }');
  }

  /** Whether each chip's host box (sized before drawing) is the chip's own drawn box. */
  hostAndChipWidths(): Promise<{ host: number; chip: number; same: boolean }[]> {
    return this.each(
      'function () { const h = this.getRootNode().host.getBoundingClientRect(); const c = this.getBoundingClientRect(); return { host: h.width, chip: c.width, same: h.width === c.width && h.height === c.height && h.x === c.x && h.y === c.y }; }',
    );
  }

  expanded(index: number): Promise<boolean> {
    return this.one(index, 'function () { return this.getAttribute("aria-expanded") === "true"; }');
  }

  tooltipShown(index: number): Promise<boolean> {
    // The tooltip is built on the reader's first hover or focus: none yet is none shown.
    return this.one(
      index,
      'function () { const tip = this.nextElementSibling; return tip !== null && getComputedStyle(tip).display !== "none"; }',
    );
  }

  /** The chip's focus ring as drawn: its outline's style and width. */
  focusRing(index: number): Promise<string> {
    return this.one(index, 'function () { const s = getComputedStyle(this); return s.outlineStyle + " " + s.outlineWidth; }');
  }

  tooltipText(index: number): Promise<string> {
    return this.one(index, 'function () { return this.nextElementSibling?.textContent ?? ""; }');
  }

  /** The centre of the chip's tooltip as drawn (null while none is built). */
  tooltipCenter(index: number): Promise<{ x: number; y: number } | null> {
    return this.one(
      index,
      'function () { const tip = this.nextElementSibling; if (!tip) return null; const r = tip.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }',
    );
  }

  private async center(index: number): Promise<{ x: number; y: number }> {
    return this.one(
      index,
      'function () { const r = this.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }',
    );
  }

  async hover(index: number): Promise<void> {
    const { x, y } = await this.center(index);
    await this.page.mouse.move(x, y);
  }

  async click(index: number): Promise<void> {
    const { x, y } = await this.center(index);
    await this.page.mouse.click(x, y);
  }
}
