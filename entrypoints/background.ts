// Zod's settings before any schema is declared (zod-config.ts says why).
import '@/src/core/zod-config';
// Then: evaluating this starts the snapshot read, before the modules below evaluate.
import { earlySnapshot } from '@/src/background/early-snapshot-start';
import { browser, type Browser } from 'wxt/browser';
import { createBackgroundServices } from '@/src/background/services';

// Registers the services and listeners; the logic lives in src/background.
export default defineBackground(() => {
  const services = createBackgroundServices(earlySnapshot);
  const senderInfo = (sender: Browser.runtime.MessageSender | undefined) => ({
    tabId: sender?.tab?.id,
    url: sender?.url,
    fromExtensionPage: sender?.url?.startsWith(browser.runtime.getURL('/')) ?? false,
  });
  browser.runtime.onInstalled.addListener((details) => void services.onInstalled(details.reason));
  browser.permissions.onAdded.addListener(services.onPermissionsChanged);
  browser.permissions.onRemoved.addListener(services.onPermissionsChanged);
  browser.runtime.onMessage.addListener((message, sender) => services.route(message, senderInfo(sender)));
  browser.runtime.onConnect.addListener((port) => services.connect(port, senderInfo(port.sender)));
});
