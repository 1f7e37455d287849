/**
 * `npm start`: serves the demo news site on 127.0.0.1 and opens a Chromium with the built extension and
 * a demo article. Without a display (a server, CI) it runs headless and saves a screenshot instead.
 */
import { mkdir } from 'node:fs/promises';
import { DEMO_SITE_PORT, DEMO_STORIES, demoSitePath } from '../core/demo-index';
import { launchWithExtension } from '../demo/browser';
import { startDemoServer } from '../demo/server';

const HELP = `Usage: npm start [-- --headless] [--screenshot FILE]

Builds Parallax, serves the demo news site on http://127.0.0.1:${DEMO_SITE_PORT}/ and opens Chromium
(Debian's /usr/bin/chromium, or CHROMIUM_PATH) with the extension loaded on a demo article.
Without a display it runs headless, writes a screenshot and keeps serving until Ctrl-C.
  --headless         run headless even when a display is available
  --screenshot FILE  where to save the headless screenshot (default: parallax-demo.png in the
                     system's temp folder)
  --exit             close after the screenshot (for checks)
`;

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  const headless = args.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const shotIndex = args.indexOf('--screenshot');
  const screenshot = shotIndex >= 0 ? args[shotIndex + 1] : `${process.env.TMPDIR ?? '/tmp'}/parallax-demo.png`;

  const site = await startDemoServer({ port: DEMO_SITE_PORT }).catch((error: unknown) => {
    throw new Error(
      `Cannot serve the demo site on port ${DEMO_SITE_PORT} (${error instanceof Error ? error.message : String(error)}). Is another demo running?`,
    );
  });
  const { context } = await launchWithExtension({ headless });
  const article = DEMO_STORIES[0].articles[1];
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(site.origin + demoSitePath(article));
  console.log(`Parallax demo: ${site.origin}${demoSitePath(article)}`);
  console.log(`Demo home page (more articles): ${site.origin}/`);

  if (headless) {
    // The badge's root is closed: wait for its host, which the page's DOM holds.
    await page.locator('parallax-badge').waitFor({ state: 'attached', timeout: 15_000 });
    await mkdir(screenshot.replace(/\/[^/]*$/, '') || '.', { recursive: true });
    await page.screenshot({ path: screenshot });
    console.log(`No display: ran headless. Badge shown; screenshot saved to ${screenshot}`);
  } else {
    console.log('Chromium is open with Parallax loaded: click the badge under the headline or the toolbar button.');
  }
  if (args.includes('--exit')) {
    await context.close();
    await site.close();
    return;
  }
  console.log('Press Ctrl-C to stop.');
  const stop = async () => {
    await context.close().catch(() => undefined);
    await site.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  context.on('close', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
