/**
 * A build of the extension whose manifest declares some hosts as host permissions, so the browser grants
 * them at install. A headless browser cannot answer a permission prompt; with this build the extension's
 * own `permissions.request` for those hosts resolves as granted, without a prompt, and the rest of the
 * granted path (enabling, fetching, matching) runs for real. `PARALLAX_GRANTED_ORIGINS` is read by
 * wxt.config.ts, which then writes to `.output/granted/`, never over the store build.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export const GRANTED_EXTENSION_DIR = resolve('.output/granted/chrome-mv3');

/** Builds the extension with `origins` (match patterns) granted; returns the unpacked extension's directory. */
export function buildWithGrantedOrigins(origins: readonly string[]): string {
  if (origins.length === 0) throw new Error('a granted build needs at least one origin');
  execFileSync('nice', ['npx', 'wxt', 'build'], {
    env: { ...process.env, PARALLAX_GRANTED_ORIGINS: origins.join(',') },
    stdio: 'pipe',
  });
  return GRANTED_EXTENSION_DIR;
}
