/**
 * A chip label's width in em of its own font, measured on a canvas (no page layout). The worker measures
 * the labels it sends with each outlet's chip words, once per label for its life, so the page's thread
 * creates no canvas and loads no font for it; a page measures only what came without a width.
 */

/** The chip label's font (its size is what the width is divided by). */
const FONT_PX = 100;
const FONT = `600 ${FONT_PX}px system-ui, sans-serif`;

type MeasureContext = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

let context: MeasureContext | null | undefined;
const widths = new Map<string, number | null>();

/** A 2D context: an OffscreenCanvas where there is one (a worker, a page), else a canvas element; null without either. */
function measureContext(): MeasureContext | null {
  if (context !== undefined) return context;
  context = null;
  try {
    if (typeof OffscreenCanvas !== 'undefined') context = new OffscreenCanvas(1, 1).getContext('2d');
    else if (typeof document !== 'undefined') context = document.createElement('canvas').getContext('2d');
  } catch {
    context = null;
  }
  if (context) context.font = FONT;
  return context;
}

/** The label's width in em, or null where nothing can measure text (Node, a DOM without layout). */
export function measureLabelEm(label: string): number | null {
  let width = widths.get(label);
  if (width === undefined) {
    const measured = measureContext()?.measureText(label).width;
    width = measured === undefined ? null : measured / FONT_PX;
    widths.set(label, width);
  }
  return width;
}
