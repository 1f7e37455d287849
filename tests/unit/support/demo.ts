/** The demo index's articles as the content script reports them. */
import { DEMO_SITE_ORIGIN, demoCanonicalUrl, demoSitePath, type DemoArticle } from '../../../src/core/demo-index';
import type { Detection } from '../../../src/core/types';

export function detectionOf(a: DemoArticle): Detection {
  return {
    isArticle: true,
    reasons: [],
    title: a.title,
    canonicalUrl: demoCanonicalUrl(a),
    siteName: a.publisher,
    byline: a.byline,
    published: a.published,
    modified: null,
    description: a.description,
    lang: 'en',
  };
}

/** The article's page on the demo site. */
export const pageUrl = (a: DemoArticle) => DEMO_SITE_ORIGIN + demoSitePath(a);
