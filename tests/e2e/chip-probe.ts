/**
 * The lean chips on the fixture pages of tests/fixtures/link-chips: which link each chip sits beside
 * (read from the page, where the chip's host element is) and what it says (read inside its closed root
 * through link-chips.ts's probe), checked against what each link expects (`data-expect-chip`).
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { ChipProbe } from './link-chips';

const CHIP_TAG = 'parallax-chip';

export interface SeenChip {
  /** The link the chip sits beside (or inside, for a search result's title). */
  href: string;
  /** What the fixture expects beside that link, or null for none. */
  expected: string | null;
  /** The chip's visible label; '' for a quiet (unrated) chip. */
  label: string;
}

/** The letter a compact chip shows for a lean: its side. */
const sideLetter = (lean: string) => (lean.endsWith('Left') ? 'L' : lean.endsWith('Right') ? 'R' : 'C');

export class SiteChipProbe extends ChipProbe {
  count(): Promise<number> {
    return this.page.locator(CHIP_TAG).count();
  }

  /** Every chip of the page, in page order, with its link and what that link expects. */
  async chips(): Promise<SeenChip[]> {
    const links = await this.page.evaluate(
      (tag) =>
        [...document.querySelectorAll(tag)].map((chip) => {
          const link = chip.closest('a') ?? (chip.previousElementSibling?.localName === 'a' ? chip.previousElementSibling : null);
          return { href: link?.getAttribute('href') ?? '(no link)', expected: link?.getAttribute('data-expect-chip') ?? null };
        }),
      CHIP_TAG,
    );
    const labels = await this.leansShown();
    expect(labels).toHaveLength(links.length);
    return links.map((link, i) => ({ ...link, label: labels[i] }));
  }

  /**
   * What each chip shows: its label, or for a compact chip (a line with no room for the label) its whole
   * lean from its accessible name, provided the letter it shows is that lean's side.
   */
  private async leansShown(): Promise<string[]> {
    const seen = await this.each<{ text: string; name: string; compact: boolean }>(
      'function () { return { text: this.innerText.trim(), name: this.getAttribute("aria-label"), compact: this.classList.contains("compact") }; }',
    );
    return seen.map(({ text, name, compact }) => {
      if (!compact) return text;
      const lean = name.slice(name.lastIndexOf(': ') + 2);
      return text === sideLetter(lean) ? lean : `compact chip showing "${text}" for ${lean}`;
    });
  }

  /**
   * Waits until every link marked `data-expect-chip` has its chip, then checks that each chip says what
   * its link expects (the lean's label, or a quiet chip for "Unrated") and that no other link has one.
   */
  async expectChipsAsMarked(): Promise<SeenChip[]> {
    const expected = await this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('a[data-expect-chip]')].map((a) => ({
        href: a.getAttribute('href') ?? '',
        expected: a.dataset.expectChip ?? '',
      })),
    );
    // A page where no link deserves a chip (X: every link is t.co) is checked after the time chips take elsewhere.
    if (expected.length === 0) await this.page.waitForTimeout(1_500);
    await expect.poll(() => this.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(expected.length);
    const chips = await this.chips();
    expect(chips.map((chip) => ({ href: chip.href, expected: chip.label || 'Unrated' }))).toEqual(expected);
    return chips;
  }

  /** Waits for chips to come and their number to hold still. */
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

  /** The first chip's root markup, for checking it where axe can see it. */
  async firstShadowMarkup(): Promise<string> {
    return (await this.each<string>('function () { return this.getRootNode().innerHTML; }'))[0];
  }
}

export const chipsOf = (page: Page) => new SiteChipProbe(page);

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
