import { siteRuleFor } from '@/src/core/links/site-rules';
import { LinkChips } from '@/src/content/link-chips/link-chips';
import { askQuietly as ask } from '@/src/messaging/client';

// Registered at run time only (src/background/chip-sites.ts), on the sites where the reader switched
// lean chips on and granted them: never in the manifest.
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    // The popup may inject it into a tab the registration also reaches: never run twice in one page.
    const marker = globalThis as { __parallaxLinkChips?: LinkChips };
    if (marker.__parallaxLinkChips) return;
    const chips = new LinkChips({
      outlets: async (hosts) => (await ask({ type: 'chips.outlets', hosts })).outlets,
      rule: siteRuleFor(location.hostname),
      // Read at each batch: a page that changes its address without loading (history.pushState) resolves
      // its links against the new one. Relative links resolve against the base, as the browser's do.
      page: () => ({ url: document.baseURI, host: location.hostname }),
    });
    marker.__parallaxLinkChips = chips;
    chips.start();
    ctx.onInvalidated(() => chips.stop());
  },
});
