import { isArticleLink } from '@/src/core/links/article-link';
import { wakeWorker } from '@/src/content/wake';

// Runs where the article script runs (wxt.config.ts gives it the outlets' patterns, outlet-sites.ts the
// granted outlet sites), but as the page starts loading: a worker the browser stopped then starts and
// restores the story index while the page loads, so that the article script's question, asked once the
// page is parsed, finds it ready. An address that is no article (a home or section page) sends nothing.
export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_start',
  main() {
    if (isArticleLink(location.href)) wakeWorker();
  },
});
