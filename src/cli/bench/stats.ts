/** The benchmarks' summary figures. */

/** The middle value (the upper one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Rounded to one decimal, as the figures are printed. */
export const round1 = (x: number) => Math.round(x * 10) / 10;
