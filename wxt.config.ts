import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// wxt is pinned to 0.20.x and vitest to 4.x: wxt 0.21 and vitest 5 need Node >= 22, and this
// project's machines run Node 20 (vitest 5 crashes there whenever a test fails).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'tabs'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'parallax@parallax-news.org', strict_min_version: '115.0' } } }
      : {}),
  }),
});
