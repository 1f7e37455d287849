import { ArticlePage } from '@/src/content/article-page';

// Runs on the demo site and, through wxt.config.ts, on the domains of every outlet in the registry.
export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_idle',
  main(ctx) {
    // The all-sites opt-in registers this script dynamically too: never run twice in one page.
    const marker = globalThis as { __parallaxArticle?: boolean };
    if (marker.__parallaxArticle) return;
    marker.__parallaxArticle = true;
    const page = new ArticlePage(() => ctx.isInvalid);
    page.listen();
    void page.check();
    // Single-page sites change the URL without a reload: look again once the new view has rendered.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(() => void page.check(), 400);
    });
    ctx.onInvalidated(() => page.dispose());
  },
});
