import { LEANS_7, type Lean7, type LeanSide } from '../types';

/** The 7-point lean folded to the chip's colour (the ratings module's own fold carries the rating data). */
export const chipSide = (lean: Lean7): LeanSide => {
  const at = LEANS_7.indexOf(lean);
  return at < 3 ? 'L' : at === 3 ? 'C' : 'R';
};
