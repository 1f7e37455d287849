/**
 * The demo news site: article pages for every article of the demo index, each declaring its outlet's
 * own address as canonical (as real syndicated copies do), and a home page of teasers (not an article).
 * Node only; every string is escaped.
 */
import { DEMO_STORIES, demoCanonicalUrl, demoSitePath, type DemoArticle } from '../core/demo-index';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside <script>: escape "<" so a string can never close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function layout(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${head}
<style>
  body { font: 17px/1.6 Georgia, "Times New Roman", serif; margin: 0; color: #111; background: #fff; }
  header.site { padding: 12px 24px; border-bottom: 1px solid #ddd; font: 600 15px system-ui, sans-serif; }
  header.site a { color: inherit; text-decoration: none; }
  main { max-width: 720px; margin: 0 auto; padding: 24px; }
  h1 { font-size: 34px; line-height: 1.2; margin: 8px 0 36px; }
  .byline { font: 14px system-ui, sans-serif; color: #555; }
  .teaser { border-bottom: 1px solid #eee; padding: 12px 0; }
  .teaser h2 { font-size: 20px; margin: 0 0 4px; }
  .demo-note { font: 13px system-ui, sans-serif; background: #fff8c5; padding: 6px 24px; margin: 0; }
  @media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } .byline { color: #aaa; } .demo-note { background: #3d2e00; } }
</style>
</head>
<body>
<p class="demo-note">Parallax demo site: pages served from your own machine so the extension can be tried offline.</p>
<header class="site"><a href="/">Parallax demo news</a></header>
${body}
</body>
</html>
`;
}

export function articlePage(a: DemoArticle): string {
  const canonical = demoCanonicalUrl(a);
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: a.description,
    datePublished: a.published,
    author: [{ '@type': 'Person', name: a.byline }],
    publisher: { '@type': 'Organization', name: a.publisher },
    mainEntityOfPage: canonical,
  };
  const head = [
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${escapeHtml(a.title)}">`,
    `<meta property="og:site_name" content="${escapeHtml(a.publisher)}">`,
    `<meta property="og:url" content="${escapeHtml(canonical)}">`,
    `<meta name="description" content="${escapeHtml(a.description)}">`,
    `<meta property="article:published_time" content="${escapeHtml(a.published)}">`,
    `<meta name="author" content="${escapeHtml(a.byline)}">`,
    `<script type="application/ld+json">${scriptJson(jsonLd)}</script>`,
  ].join('\n');
  const paragraphs = [
    a.description,
    'This page is part of the Parallax demo site. It stands in for the outlet’s own article so that the extension can be tried without a network: the headline, the outlet and the time follow the demo index, and the body is a placeholder.',
    'Parallax reads the page’s metadata on your machine, finds the story in its local index, and shows how other outlets across the spectrum covered it. Nothing about the pages you read leaves your browser.',
    'Open the Parallax button in the toolbar, or the badge under the headline, to see the coverage grouped by lean, the distribution of the sources, and who reported first.',
  ];
  const body = `<main><article>
<h1>${escapeHtml(a.title)}</h1>
<p class="byline">By ${escapeHtml(a.byline)} · ${escapeHtml(a.publisher)} · <time datetime="${escapeHtml(a.published)}">${escapeHtml(a.published.slice(0, 16).replace('T', ' '))} UTC</time></p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main>`;
  return layout(`${a.title} - ${a.publisher}`, head, body);
}

export function homePage(): string {
  const teasers = DEMO_STORIES.flatMap((s) => s.articles)
    .map(
      (a) =>
        `<div class="teaser"><h2><a href="${escapeHtml(demoSitePath(a))}">${escapeHtml(a.title)}</a></h2><span class="byline">${escapeHtml(a.publisher)}</span></div>`,
    )
    .join('\n');
  const head = `<meta property="og:type" content="website"><meta property="og:site_name" content="Parallax demo news">`;
  return layout('Parallax demo news', head, `<main><h1>Top stories</h1>\n${teasers}</main>`);
}

/** The article for a demo-site path, if any. */
export function demoArticleAt(pathname: string): DemoArticle | undefined {
  return DEMO_STORIES.flatMap((s) => s.articles).find((a) => demoSitePath(a) === pathname);
}
