// @vitest-environment happy-dom
/**
 * A chip's size comes from its label's width as the worker measured it: the page measures a label only
 * when none came with it (here, a DOM with no canvas, which falls back to an average glyph).
 */
import { describe, expect, it } from 'vitest';
import type { ChipOutlet, ChipTexts } from '../../../src/core/links/index';
import { chipMaker } from '../../../src/ui/link-chip/chip';

const outlet: ChipOutlet = { name: 'The Daily Example', lean: 'lean-left', provider: null, ratedAt: null, owner: null };
const words: ChipTexts = { label: 'Lean Left', shortLabel: 'L', accessibleName: 'The Daily Example: Lean Left', details: ['Lean Left'] };

const widthOf = (host: HTMLElement) => Number(/width: ([\d.]+)em/.exec(host.getAttribute('style') ?? '')?.[1]);
/** Widths are rounded up to the hundredth of an em. */
const expectWidth = (host: HTMLElement, em: number) => {
  expect(widthOf(host)).toBeGreaterThanOrEqual(em);
  expect(widthOf(host)).toBeLessThanOrEqual(em + 0.011);
};

describe('chip size', () => {
  it('follows the widths the worker measured', () => {
    const make = chipMaker(outlet, { ...words, labelEm: 5, shortLabelEm: 2 });
    // 5em of label at 0.78 of the text's size, 0.4em each side; then the 0.35em gap before the chip.
    expectWidth(make(), 4.7);
    expect(make.advanceEm()).toBeCloseTo(widthOf(make()) + 0.35, 6);
    // The compact chip: its letter and 0.2em each side.
    expectWidth(make(true), 1.96);
  });

  it('measures here only what came without a width', () => {
    const make = chipMaker(outlet, words);
    // No canvas in this DOM: 0.62em per letter of "Lean Left".
    expectWidth(make(), 9 * 0.62 * 0.78 + 0.8);
  });
});
