import { wakeWorker } from '@/src/content/wake';

// Registered with the chips script, on the same sites (src/background/chip-sites.ts), but run as the page
// starts loading: a worker the browser stopped has started by the time the chips script asks which of
// the page's hosts are outlets'.
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_start',
  main() {
    wakeWorker();
  },
});
