/**
 * The lean chips as a reader's browser sees them on a page. Their shadow roots are closed, so page
 * scripts and Playwright's locators cannot look inside; the tests go through the DevTools protocol (which
 * pierces closed roots) for what a chip says, and through the page for which link each chip sits beside.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect } from './fixtures';

export const CHIP_TAG = 'parallax-chip';

interface DomNode {
  nodeName: string;
  nodeValue?: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export interface SeenChip {
  /** The link the chip sits beside (or inside, for a search result's title). */
  href: string;
  /** What the fixture expects beside that link (`data-expect-chip`), or null for none. */
  expected: string | null;
  /** The chip's visible label; '' for a quiet (unrated) chip. */
  label: string;
  quiet: boolean;
  accessibleName: string;
  expanded: boolean;
}

const attribute = (node: DomNode, name: string): string | null => {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return null;
};

const text = (node: DomNode): string => (node.nodeName === '#text' ? (node.nodeValue ?? '') : (node.children ?? []).map(text).join(''));

function findButton(node: DomNode): DomNode | null {
  if (node.nodeName === 'BUTTON') return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findButton(child);
    if (found) return found;
  }
  return null;
}

export class ChipProbe {
  private session: CDPSession | null = null;

  constructor(readonly page: Page) {}

  async cdp(): Promise<CDPSession> {
    this.session ??= await this.page.context().newCDPSession(this.page);
    return this.session;
  }

  count(): Promise<number> {
    return this.page.locator(CHIP_TAG).count();
  }

  /** The buttons inside every chip's closed root, in document order. */
  private async buttons(): Promise<DomNode[]> {
    const cdp = await this.cdp();
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: CHIP_TAG });
    const buttons: DomNode[] = [];
    for (const nodeId of nodeIds) {
      const { node } = (await cdp.send('DOM.describeNode', { nodeId, depth: -1, pierce: true })) as unknown as { node: DomNode };
      const button = findButton(node);
      if (button) buttons.push(button);
    }
    return buttons;
  }

  /** Every chip of the page, with its link and what that link expects. */
  async chips(): Promise<SeenChip[]> {
    const links = await this.page.evaluate(
      (tag) =>
        [...document.querySelectorAll(tag)].map((chip) => {
          const link = chip.closest('a') ?? (chip.previousElementSibling?.localName === 'a' ? chip.previousElementSibling : null);
          return { href: link?.getAttribute('href') ?? '(no link)', expected: link?.getAttribute('data-expect-chip') ?? null };
        }),
      CHIP_TAG,
    );
    const buttons = await this.buttons();
    expect(buttons).toHaveLength(links.length);
    return links.map((link, i) => {
      const button = buttons[i];
      return {
        ...link,
        label: text(button).trim(),
        quiet: (attribute(button, 'class') ?? '').split(' ').includes('quiet'),
        accessibleName: attribute(button, 'aria-label') ?? '',
        expanded: attribute(button, 'aria-expanded') === 'true',
      };
    });
  }

  /** The links the page expects chips beside, as `href → label`. */
  expectedLinks(): Promise<{ href: string; expected: string }[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('a[data-expect-chip]')].map((a) => ({
        href: a.getAttribute('href') ?? '',
        expected: a.dataset.expectChip ?? '',
      })),
    );
  }

  /**
   * Waits until every expected link has its chip, then checks that each chip says what its link expects
   * (the lean label, or a quiet chip for "Unrated") and that no other link has one.
   */
  async expectChipsAsMarked(): Promise<SeenChip[]> {
    const expected = await this.expectedLinks();
    await expect.poll(() => this.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(expected.length);
    const chips = await this.chips();
    const seen = chips.map((chip) => ({ href: chip.href, expected: chip.quiet ? 'Unrated' : chip.label }));
    expect(seen).toEqual(expected);
    for (const chip of chips) expect(chip.expected, `the chip beside ${chip.href}`).toBe(chip.quiet ? 'Unrated' : chip.label);
    return chips;
  }

  /** Waits for the chips to come and their number to hold still. */
  async waitForChips(): Promise<number> {
    let last = -1;
    await expect
      .poll(
        async () => {
          const now = await this.count();
          const settled = now > 0 && now === last;
          last = now;
          return settled;
        },
        { timeout: 15_000, intervals: [300] },
      )
      .toBe(true);
    return last;
  }

  /** The first chip's button, for clicking with the real mouse or reading its state. */
  private async firstButton(): Promise<number> {
    const [button] = await this.buttons();
    if (!button) throw new Error('no chip on the page');
    return button.backendNodeId;
  }

  async call<T>(fn: string): Promise<T> {
    const cdp = await this.cdp();
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: await this.firstButton() });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      returnByValue: true,
    });
    return result.value as T;
  }

  /** Whether the first chip's tooltip is open (its button says so). */
  async firstExpanded(): Promise<boolean> {
    return (await this.call<string>("function () { return this.getAttribute('aria-expanded'); }")) === 'true';
  }

  /** The first chip's centre on screen. */
  firstCentre(): Promise<{ x: number; y: number }> {
    return this.call<{ x: number; y: number }>(
      'function () { this.scrollIntoView({ block: "center" }); const r = this.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }',
    );
  }

  /** The first chip's root markup, for checking it where axe can see it. */
  firstShadowMarkup(): Promise<string> {
    return this.call<string>('function () { return this.getRootNode().innerHTML; }');
  }
}

export const chipsOf = (page: Page) => new ChipProbe(page);

/**
 * Records every result block's box when the page's DOM is complete, before the chips script (run at
 * document_idle) can add anything; `blockBoxes` reads them again later.
 */
export const RECORD_BLOCKS_EARLY = `
  document.addEventListener('DOMContentLoaded', () => {
    window.__blocksBefore = {
      chips: document.querySelectorAll('${CHIP_TAG}').length,
      boxes: [...document.querySelectorAll('[data-block]')].map((b) => { const r = b.getBoundingClientRect(); return [r.x, r.y + scrollY, r.width, r.height]; }),
    };
  });
`;

export async function blockBoxes(page: Page): Promise<{ before: { chips: number; boxes: number[][] }; after: number[][] }> {
  return page.evaluate(() => ({
    before: (window as unknown as { __blocksBefore: { chips: number; boxes: number[][] } }).__blocksBefore,
    after: [...document.querySelectorAll('[data-block]')].map((b) => {
      const r = b.getBoundingClientRect();
      return [r.x, r.y + scrollY, r.width, r.height];
    }),
  }));
}
