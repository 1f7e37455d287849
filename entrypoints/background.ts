import { browser } from 'wxt/browser';
import { createBackgroundServices } from '@/src/background/services';

// Registers the services and listeners; the logic lives in src/background.
export default defineBackground(() => {
  const services = createBackgroundServices();
  browser.runtime.onInstalled.addListener(() => void services.onInstalled());
  browser.runtime.onMessage.addListener((message, sender) =>
    services.route(message, {
      tabId: sender.tab?.id,
      url: sender.url,
      fromExtensionPage: sender.url?.startsWith(browser.runtime.getURL('/')) ?? false,
    }),
  );
});
