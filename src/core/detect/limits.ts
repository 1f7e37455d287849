/**
 * Longest value of each detection field. The detector cuts to these and the worker's message schema
 * accepts exactly these, so a page with a 50 kB description still gets its badge.
 */
export const DETECTION_LIMITS = {
  title: 1000,
  canonicalUrl: 4096,
  siteName: 300,
  byline: 500,
  published: 64,
  modified: 64,
  description: 5000,
  lang: 35,
  reasons: 50,
  reason: 200,
} as const;
