import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { singleScriptPages } from './src/build/single-script-page';
import { untrackedSourcePatterns } from './src/build/untracked-sources';
import { zodWithoutEval } from './src/build/zod-without-eval';
import { loadRegistry, serviceHostGlobs } from './src/core/outlets';

/** Pages that load one script, built whole as the unlisted script `entrypoints/<page>-main.tsx` (see singleScriptPages). */
const ONE_SCRIPT_PAGES = ['popup', 'stories', 'story'];

// wxt is pinned to 0.20.x and vitest to 4.x: wxt 0.21 and vitest 5 need Node >= 22, and this
// project's machines run Node 20 (vitest 5 crashes there whenever a test fails).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The popup and the story pages load one script file each, built whole (entrypoints/*-main.tsx), and no
  // other (see the plugin).
  vite: () => ({
    plugins: [preact(), zodWithoutEval(), singleScriptPages(ONE_SCRIPT_PAGES.map((page) => `entrypoints/${page}/index.html`))],
    // Scripts written in ASCII only (other characters as escapes): the browser then decodes them on its fast
    // one-byte path and V8 keeps one-byte source. The worker's 875 kB script held ~3,300 other characters
    // (stop words, place names, quotes), and every worker start decoded it as two-byte text.
    build: { rolldownOptions: { output: { charset: 'ascii' } } },
  }),
  hooks: {
    // The sources zip (Firefox) ships what git tracks: no test artifacts, scratch or untracked files.
    'zip:start': (wxt) => {
      wxt.config.zip.excludeSources.push(...untrackedSourcePatterns(wxt.config.zip.sourcesRoot));
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      const contentScripts = entrypoints.every((e) => e.type === 'content-script');
      const rolldown = config.build?.rolldownOptions;
      const aliases =
        config.resolve?.alias && !Array.isArray(config.resolve.alias) ? (config.resolve.alias as Record<string, string>) : null;
      // Content scripts keep their few non-ASCII characters (see `charset` above): the article script has a
      // 30 kB budget, and a page decodes a 30 kB script fast either way.
      if (contentScripts && rolldown?.output && !Array.isArray(rolldown.output)) rolldown.output.charset = 'utf8';
      // Imported constants are not copied to where they are used: tldts's 74 kB string of suffix labels was
      // inlined at each of its three uses, in the worker's script and in the options page's (147 kB more in
      // each). The content scripts keep the default (it saves the article script a few bytes).
      if (!contentScripts && rolldown) rolldown.optimization = { ...rolldown.optimization, inlineConst: false };
      // The content scripts' context is Parallax's own, which sends the page no event (src/content/script-context.ts).
      if (contentScripts && aliases) aliases['wxt/utils/content-script-context'] = resolve('src/content/script-context.ts');
      // The content script runs on every news page and has a 30 kB budget, and the popup's and story pages'
      // scripts are parsed at every opening before they can draw: they use the browser's native promise-based
      // API (Chrome MV3, Firefox) instead of the ~10 kB polyfill the other extension pages use.
      if (!entrypoints.every((e) => e.type === 'content-script' || ONE_SCRIPT_PAGES.some((page) => e.name === `${page}-main`))) return;
      if (aliases) delete aliases['wxt/browser'];
    },
    // The article script runs on the demo site (declared in the entrypoint) and on every host a registry
    // outlet claims, generated here from the outlet data so the two never drift apart; never on a portal's
    // mail, log-in or shop hosts. Static patterns rather than runtime registration: measured with
    // `npm run permissions`, both give the same install warning, size and browser-start cost, and that
    // cost grows faster than the number of hosts, so the set must stay bounded (README).
    'build:manifestGenerated': (_wxt, manifest) => {
      const outletPatterns = loadRegistry().matchPatterns();
      for (const script of manifest.content_scripts ?? []) {
        if (!script.matches?.includes('http://127.0.0.1/*')) continue;
        script.matches = [...new Set([...script.matches, ...outletPatterns])];
        script.exclude_globs = serviceHostGlobs();
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // No `tabs` ("Read your browsing history"): messages carry their tab's id, and `activeTab` shows the
    // popup the address of the tab it was opened on; elsewhere the page's own script is asked.
    // webRequest: only to read where the worker's own feed requests redirect (src/background/redirect-observer.ts);
    // Chrome shows no install warning for it, and it blocks or changes nothing.
    permissions: ['storage', 'alarms', 'scripting', 'activeTab', 'webRequest'],
    // Loopback only: the demo site and a reader's own local feed server. Feed hosts are optional and asked
    // for when the reader enables feeds; nothing else is ever requested.
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'parallax@parallax-news.org',
              // Firefox's data consent: Parallax sends nothing anywhere (see the README's privacy section).
              // The key came with Firefox 140 (desktop, today's ESR) and 142 (Android): the minimum versions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
          // Firefox's MV2 manifest has no optional_host_permissions: optional origins go here.
          optional_permissions: ['https://*/*', 'http://*/*'],
        }
      : {}),
  }),
});
