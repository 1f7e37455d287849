/**
 * The chip button's look, as its own style attribute: built once per outlet and form, and cloned with the
 * button into every chip, so the browser parses it once and the chips share it. A chip's shadow root then
 * needs no style sheet to be drawn: the sheet (its tooltip, its focus ring, its raise while shown) is
 * given to a chip the first time the reader points at it or focuses it (chip.ts). In a page adding
 * 80 chips at a time, the browser's style and layout after each batch took 16.2 ms with a sheet adopted
 * in every chip's root, 12.7 ms with this style, and 12.1 ms for bare boxes of the same size (medians of
 * 28 batches, a scratch measurement). Light and dark from the reader's system setting, with
 * `light-dark()`; a browser without it keeps the light colours given first.
 */
import type { LeanSide } from '../../core/types';

export type ChipForm = 'label' | 'compact' | 'quiet';

/** [background, text] in light, then in dark. */
const COLOURS: Record<LeanSide | 'none', [string, string, string, string]> = {
  L: ['#dbeafe', '#1e3a8a', '#1e3a8a', '#dbeafe'],
  C: ['#ede9fe', '#4c1d95', '#4c1d95', '#ede9fe'],
  R: ['#fee2e2', '#7f1d1d', '#7f1d1d', '#fee2e2'],
  none: ['#eaeef2', '#1f2328', '#30363d', '#e6edf3'],
};

const FONT = '600 0.78em/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** The button's style attribute for a chip of this form and side. */
export function chipButtonStyle(form: ChipForm, side: LeanSide | 'none'): string {
  const [lightBg, lightFg, darkBg, darkFg] = COLOURS[side];
  const background = form === 'quiet' ? ['transparent'] : [lightBg, `light-dark(${lightBg}, ${darkBg})`];
  return [
    'all: unset',
    'color-scheme: light dark',
    'box-sizing: border-box',
    'display: flex',
    'align-items: center',
    'justify-content: center',
    'width: 100%',
    'height: 100%',
    `padding: ${form === 'label' ? '0 0.3em' : '0'}`,
    'border-radius: 999px',
    'cursor: default',
    `font: ${FONT}`,
    'white-space: nowrap',
    `color: ${lightFg}`,
    `color: light-dark(${lightFg}, ${darkFg})`,
    ...background.map((value) => `background: ${value}`),
  ].join('; ');
}

/** The ring an unrated (quiet) chip shows: a child of its button. */
export const QUIET_RING_STYLE = [
  'display: block',
  'flex: none',
  'width: 0.6em',
  'height: 0.6em',
  'border-radius: 50%',
  'box-sizing: border-box',
  'border: 1px solid #8c959f',
  'border-color: light-dark(#8c959f, #8b949e)',
].join('; ');
